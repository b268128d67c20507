package app.pathary.cli;

/**
 * Long command output (a plan or report of tens of thousands of lines) built in memory and written at once:
 * {@code System.out.println} per line flushes per line, and {@code String.format} per line was a twentieth of a large
 * plan's CPU.
 */
final class PlainText {
    private final StringBuilder text = new StringBuilder(1 << 16);

    /** Appends {@code value} left-aligned in a column of {@code width} (like {@code %-Ns}) and one space. */
    PlainText column(String value, int width) {
        text.append(value);
        for (int i = value.length(); i < width; i++) {
            text.append(' ');
        }
        text.append(' ');
        return this;
    }

    PlainText append(String value) {
        text.append(value);
        return this;
    }

    PlainText line(String value) {
        text.append(value).append(System.lineSeparator());
        return this;
    }

    PlainText endLine() {
        text.append(System.lineSeparator());
        return this;
    }

    /** Writes everything to standard output. */
    void print() {
        System.out.print(text);
        System.out.flush();
    }
}
