package app.pathary.arr;

/**
 * {@code GET /api/v3/system/status}, the parts used to check a connection.
 *
 * @param appName      {@code Radarr} or {@code Sonarr}; the client checks it, so a Sonarr URL configured as
 *                     Radarr fails with {@link ArrException.NotArr}
 * @param version      e.g. {@code 6.0.4.10291}
 * @param instanceName the name set in the *arr's own settings (defaults to the app name); may be {@code null}
 */
public record SystemStatus(String appName, String version, String instanceName) {
}
