package app.pathary.web;

/** What the layout of every page needs: who is logged in, the CSRF token for forms, the title, a flash message. */
public record PageContext(Caller caller, String csrfToken, String title, Flash.Message flash, String path) {
    public boolean loggedIn() {
        return caller != null;
    }

    public boolean isAdmin() {
        return caller != null && caller.isAdmin();
    }
}
