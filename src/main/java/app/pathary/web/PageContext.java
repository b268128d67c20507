package app.pathary.web;

/**
 * What the layout of every page needs: who is logged in, the CSRF token for forms, the title, a flash message, the
 * page's path within Pathary, and {@code base}: {@code BASE_PATH} ("" at the root), written before every link, form
 * action, htmx URL and asset ({@code href="${page.base()}/history"}); {@code times} writes every instant in
 * {@code TIMEZONE}, labelled ({@code ${page.times().minute(job.createdAt())}}).
 */
public record PageContext(Caller caller, String csrfToken, String title, Flash.Message flash, String path, String base,
        Times times) {
    public boolean loggedIn() {
        return caller != null;
    }

    public boolean isAdmin() {
        return caller != null && caller.isAdmin();
    }
}
