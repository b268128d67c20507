package app.pathary.config;

import java.math.BigDecimal;
import java.util.Locale;

/**
 * A disk limit: a share of the disk in use ({@code 90%}) or an amount of free space ({@code 200GB}).
 *
 * @param usedPercent the share in use, 1 to 99; null when the limit is free space
 * @param freeBytes   the free space in bytes; null when the limit is a share
 */
public record DiskLimit(Integer usedPercent, Long freeBytes) {
    private static final long GB = 1_000_000_000L;

    public static DiskLimit parse(String name, String text) {
        String value = text.strip().toUpperCase(Locale.ROOT).replace(" ", "");
        try {
            if (value.matches("\\d{1,2}%")) {
                int percent = Integer.parseInt(value.substring(0, value.length() - 1));
                if (percent >= 1 && percent <= 99) {
                    return new DiskLimit(percent, null);
                }
            } else if (value.matches("\\d+(\\.\\d+)?(MB|GB|TB)")) {
                long unit = value.endsWith("TB") ? 1000 * GB : value.endsWith("GB") ? GB : GB / 1000;
                BigDecimal amount = new BigDecimal(value.substring(0, value.length() - 2)).multiply(BigDecimal.valueOf(unit));
                if (amount.signum() > 0 && amount.compareTo(BigDecimal.valueOf(Long.MAX_VALUE / 2)) < 0) {
                    return new DiskLimit(null, amount.longValue());
                }
            }
        } catch (NumberFormatException ignored) {
            // falls through to the sentence below
        }
        throw new ConfigException(name + " must be a share of the disk in use such as 90% (1 to 99) or free space such as 200GB"
                + " (MB, GB or TB), not '" + text + "'.");
    }

    /** The free bytes this limit asks for on a disk of {@code total} bytes; null when a share is asked of a disk of unknown size. */
    public Long freeBytesOn(Long total) {
        if (freeBytes != null) {
            return freeBytes;
        }
        return total == null || total <= 0 ? null : total - total * usedPercent / 100;
    }

    /** As people write it: "90 %" (in use) or "200 GB free". */
    public String describe() {
        return usedPercent != null ? usedPercent + " %" : Bytes.text(freeBytes) + " free";
    }

    /** Sizes as people read them (decimal units, one decimal). */
    public static final class Bytes {
        private Bytes() {
        }

        public static String text(long bytes) {
            double value = bytes;
            String[] units = {"B", "KB", "MB", "GB", "TB", "PB"};
            int unit = 0;
            while (Math.abs(value) >= 1000 && unit < units.length - 1) {
                value /= 1000;
                unit++;
            }
            return unit == 0 ? bytes + " B" : String.format(Locale.ROOT, "%.1f %s", value, units[unit]);
        }
    }
}
