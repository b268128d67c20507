package app.pathary.testing;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A small tmpfs mounted for one test (needs root; {@link #mount} returns null where the machine refuses it): a disk that
 * can be filled to the last byte and remounted read-only, like the disks Pathary meets in the wild.
 */
public final class SmallDisk implements AutoCloseable {
    private final Path mountPoint;

    private SmallDisk(Path mountPoint) {
        this.mountPoint = mountPoint;
    }

    /** A new tmpfs of {@code megabytes}; null when mounting is not allowed here. */
    public static SmallDisk mount(int megabytes) {
        try {
            Path point = Files.createTempDirectory("pathary-disk");
            if (run("mount", "-t", "tmpfs", "-o", "size=" + megabytes + "m", "tmpfs", point.toString()) != 0) {
                Files.deleteIfExists(point);
                return null;
            }
            return new SmallDisk(point);
        } catch (IOException e) {
            return null;
        }
    }

    public Path path() {
        return mountPoint;
    }

    /** Writes a filler file until the disk has no byte left. */
    public void fill() {
        byte[] block = new byte[64 * 1024];
        try (OutputStream out = Files.newOutputStream(mountPoint.resolve("filler"))) {
            while (true) {
                out.write(block);
            }
        } catch (IOException expected) {
            // no space left on device
        }
        try (OutputStream out = Files.newOutputStream(mountPoint.resolve("filler-bytes"))) {
            while (true) {
                out.write(0);
                out.flush();
            }
        } catch (IOException expected) {
            // not one byte more
        }
    }

    /** Frees the space {@link #fill} took. */
    public void free() {
        try {
            Files.deleteIfExists(mountPoint.resolve("filler"));
            Files.deleteIfExists(mountPoint.resolve("filler-bytes"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public void remount(boolean readOnly) {
        if (run("mount", "-o", "remount," + (readOnly ? "ro" : "rw"), mountPoint.toString()) != 0) {
            throw new IllegalStateException("cannot remount " + mountPoint);
        }
    }

    @Override
    public void close() {
        run("umount", "-l", mountPoint.toString());
        try {
            Files.deleteIfExists(mountPoint);
        } catch (IOException ignored) {
            // left in the temporary folder
        }
    }

    private static int run(String... command) {
        try {
            Process process = new ProcessBuilder(List.of(command)).redirectErrorStream(true).start();
            process.getInputStream().readAllBytes();
            return process.waitFor(30, TimeUnit.SECONDS) ? process.exitValue() : -1;
        } catch (IOException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }
}
