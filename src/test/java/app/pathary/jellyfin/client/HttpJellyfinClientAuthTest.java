package app.pathary.jellyfin.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.pathary.jellyfin.client.dto.AuthenticationResult;
import app.pathary.jellyfin.client.dto.PublicSystemInfo;
import app.pathary.jellyfin.client.dto.UserDto;
import app.pathary.testing.FakeJellyfin;
import app.pathary.testing.FakeUser;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class HttpJellyfinClientAuthTest {

    private final FakeJellyfin jellyfin = FakeJellyfin.start("/jellyfin");
    private final HttpJellyfinClient client = JellyfinTestClients.client();
    private final JellyfinServer anonymous = JellyfinServer.anonymous(jellyfin.baseUrl());

    @AfterEach
    void stop() {
        jellyfin.close();
    }

    @Test
    void publicSystemInfoIdentifiesTheServerWithoutAToken() {
        PublicSystemInfo info = client.publicSystemInfo(anonymous);

        assertThat(info.id()).isEqualTo(jellyfin.serverId()).hasSize(32);
        assertThat(info.version()).isEqualTo("10.11.11");
        assertThat(info.productName()).isEqualTo("Jellyfin Server");
        assertThat(info.serverName()).isEqualTo("Fake Jellyfin");
        assertThat(jellyfin.requests().getLast().path()).isEqualTo("/jellyfin/System/Info/Public");
    }

    @Test
    void loginReturnsATokenForTheUser() {
        FakeUser alice = jellyfin.addUser("alice", "s3cret");

        LoginResult result = client.authenticateByName(anonymous, "alice", "s3cret");

        assertThat(result).isInstanceOfSatisfying(LoginResult.Success.class, success -> {
            AuthenticationResult auth = success.authentication();
            assertThat(auth.accessToken()).matches("[0-9a-f]{32}");
            assertThat(auth.user().id()).isEqualTo(alice.id());
            assertThat(auth.user().name()).isEqualTo("alice");
            assertThat(auth.user().isAdministrator()).isFalse();
            assertThat(auth.user().lastLoginDate()).isNotNull();
            assertThat(auth.serverId()).isEqualTo(jellyfin.serverId());
            assertThat(auth.toString()).doesNotContain(auth.accessToken());
        });
    }

    @Test
    void loginSendsTheClientIdentityAndNoLegacyHeaders() {
        jellyfin.addUser("alice", "pw");

        client.authenticateByName(anonymous, "alice", "pw");

        var request = jellyfin.requests().getLast();
        assertThat(request.header("Authorization")).isEqualTo(
                "MediaBrowser Client=\"Pathary\", Device=\"Test%20Box\", DeviceId=\"pathary-test-device\", Version=\"0.1.0\"");
        assertThat(request.headers()).doesNotContainKeys("x-emby-authorization", "x-emby-token", "x-mediabrowser-token");
        assertThat(request.query()).isNull();
    }

    @Test
    void wrongPasswordAndUnknownUserAreInvalidCredentials() {
        jellyfin.addUser("alice", "s3cret");

        assertThat(client.authenticateByName(anonymous, "alice", "wrong")).isInstanceOf(LoginResult.InvalidCredentials.class);
        assertThat(client.authenticateByName(anonymous, "bob", "s3cret")).isInstanceOf(LoginResult.InvalidCredentials.class);
    }

    @Test
    void aDisabledUserIsRefused() {
        FakeUser alice = jellyfin.addUser("alice", "s3cret");
        jellyfin.setDisabled(alice, true);

        assertThat(client.authenticateByName(anonymous, "alice", "s3cret")).isInstanceOf(LoginResult.Refused.class);
    }

    @Test
    void anEmptyPasswordIsSentAsEmptyPw() {
        jellyfin.addUser("kid", "");

        assertThat(client.authenticateByName(anonymous, "kid", null)).isInstanceOf(LoginResult.Success.class);
    }

    @Test
    void systemInfoAcceptsAValidTokenAndRejectsItAfterLogout() {
        jellyfin.addUser("alice", "pw");
        JellyfinServer server = anonymous.withToken(token(client, "alice", "pw"));

        assertThat(client.systemInfo(server).id()).isEqualTo(jellyfin.serverId());
        client.logout(server);

        assertThat(jellyfin.isTokenValid(server.token())).isFalse();
        assertThatThrownBy(() -> client.systemInfo(server))
                .isInstanceOf(JellyfinException.Unauthorized.class)
                .hasMessage("GET /System/Info -> 401 Unauthorized");
    }

    @Test
    void loggingInAgainWithTheSameDeviceIdRevokesTheEarlierToken() {
        jellyfin.addUser("alice", "pw");
        JellyfinServer first = anonymous.withToken(token(client, "alice", "pw"));
        JellyfinServer second = anonymous.withToken(token(client, "alice", "pw"));

        assertThatThrownBy(() -> client.systemInfo(first)).isInstanceOf(JellyfinException.Unauthorized.class);
        assertThat(client.systemInfo(second).id()).isEqualTo(jellyfin.serverId());
    }

    @Test
    void aLoginFromAnotherDeviceIdLeavesTheEarlierTokenValid() {
        jellyfin.addUser("alice", "pw");
        HttpJellyfinClient otherInstance = JellyfinTestClients.client(
                new ClientIdentity("Pathary", "Other", "another-device", "0.1.0"), Duration.ofSeconds(10));
        JellyfinServer first = anonymous.withToken(token(client, "alice", "pw"));
        token(otherInstance, "alice", "pw");

        assertThat(client.systemInfo(first).id()).isEqualTo(jellyfin.serverId());
    }

    @Test
    void systemInfoWithoutTokenIsUnauthorized() {
        assertThatThrownBy(() -> client.systemInfo(anonymous)).isInstanceOf(JellyfinException.Unauthorized.class);
    }

    @Test
    void currentUserIsTheTokensUserAndEmptyForAnApiKey() {
        FakeUser alice = jellyfin.addUser("alice", "pw");
        JellyfinServer asAlice = anonymous.withToken(jellyfin.issueToken(alice, "dev"));
        JellyfinServer withApiKey = anonymous.withToken(jellyfin.addApiKey());

        assertThat(client.currentUser(asAlice)).get().extracting(UserDto::id).isEqualTo(alice.id());
        assertThat(client.currentUser(withApiKey)).isEmpty();
    }

    @Test
    void usersListsEveryUserWithItsPolicy() {
        jellyfin.addAdmin("root", "pw");
        FakeUser bob = jellyfin.addUser("bob", "pw");
        jellyfin.setDisabled(bob, true);
        JellyfinServer withApiKey = anonymous.withToken(jellyfin.addApiKey());

        assertThat(client.users(withApiKey))
                .extracting(UserDto::name, UserDto::isAdministrator, UserDto::isDisabled, UserDto::hasPassword)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("bob", false, true, true),
                        org.assertj.core.groups.Tuple.tuple("root", true, false, true));
    }

    @Test
    void serverDescriptionsNeverShowTheToken() {
        JellyfinServer server = anonymous.withToken("0123456789abcdef0123456789abcdef");

        assertThat(server.toString()).doesNotContain("0123456789abcdef").contains("token=***");
    }

    private String token(JellyfinClient loginClient, String user, String password) {
        LoginResult result = loginClient.authenticateByName(anonymous, user, password);
        assertThat(result).isInstanceOf(LoginResult.Success.class);
        return ((LoginResult.Success) result).authentication().accessToken();
    }
}
