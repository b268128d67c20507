package app.pathary.common;

/** A count with its noun in the right number: "1 item", "3 items", "1 watch date", "0 items". */
public final class Plural {
    private Plural() {
    }

    /** {@code one} plus "s" for any count but 1. */
    public static String of(long n, String one) {
        return of(n, one, one + "s");
    }

    public static String of(long n, String one, String many) {
        return n + " " + (n == 1 ? one : many);
    }
}
