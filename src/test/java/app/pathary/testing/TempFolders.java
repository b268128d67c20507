package app.pathary.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;

/**
 * Temporary folders of the tests (SQLite files, data folders), removed with everything in them when the test JVM
 * ends. {@code deleteOnExit} removes only empty folders, so every run used to leave thousands behind in /tmp, and a
 * crowded /tmp slows down everything that lists it.
 */
public final class TempFolders {
    private static final List<Path> CREATED = new CopyOnWriteArrayList<>();

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(TempFolders::removeAll, "test-temp-folders"));
    }

    private TempFolders() {
    }

    public static Path create(String prefix) {
        try {
            Path folder = Files.createTempDirectory(prefix);
            CREATED.add(folder);
            return folder;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void removeAll() {
        for (Path folder : CREATED) {
            try (Stream<Path> inside = Files.walk(folder)) {
                inside.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
            } catch (IOException | UncheckedIOException e) {
                // already gone, or not ours to remove any more: nothing to do at exit
            }
        }
    }
}
