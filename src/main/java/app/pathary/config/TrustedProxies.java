package app.pathary.config;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The reverse proxies ({@code TRUSTED_PROXIES}: comma-separated CIDRs or single addresses, IPv4 and IPv6) whose
 * {@code X-Forwarded-*} and {@code X-Request-Id} headers Pathary believes. Requests from any other address are taken
 * as they came: their forwarding headers are ignored. Parsing never asks DNS: only address literals are accepted.
 */
public record TrustedProxies(List<Block> blocks) {
    public static final String VARIABLE = "TRUSTED_PROXIES";

    /** One CIDR block: an address and how many leading bits must match. */
    public record Block(byte[] network, int prefix, String text) {
        boolean contains(byte[] address) {
            if (address.length != network.length) {
                return false;
            }
            int whole = prefix / 8;
            for (int i = 0; i < whole; i++) {
                if (address[i] != network[i]) {
                    return false;
                }
            }
            int rest = prefix % 8;
            if (rest == 0) {
                return true;
            }
            int mask = (0xff << (8 - rest)) & 0xff;
            return (address[whole] & mask) == (network[whole] & mask);
        }

        @Override
        public String toString() {
            return text;
        }
    }

    public TrustedProxies {
        blocks = List.copyOf(blocks);
    }

    public static TrustedProxies none() {
        return new TrustedProxies(List.of());
    }

    public static TrustedProxies parse(String text) {
        List<Block> blocks = new ArrayList<>();
        for (String part : OptionRules.names(text)) {
            blocks.add(block(part));
        }
        return new TrustedProxies(blocks);
    }

    public boolean isEmpty() {
        return blocks.isEmpty();
    }

    /** Whether the address (a literal such as {@code 10.0.0.5} or {@code ::1}) is one of the trusted proxies. */
    public boolean trusts(String address) {
        return !blocks.isEmpty() && literal(address).map(bytes -> blocks.stream().anyMatch(b -> b.contains(bytes))).orElse(false);
    }

    /**
     * The bytes of an IPv4 or IPv6 literal (IPv4-mapped IPv6 becomes IPv4), or empty when the text is not one. Brackets
     * around IPv6 and a port after IPv4 ({@code 1.2.3.4:5678}, as some proxies write) are dropped.
     */
    public static Optional<byte[]> literal(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String value = text.strip();
        if (value.startsWith("[")) {
            int close = value.indexOf(']');
            if (close < 0) {
                return Optional.empty();
            }
            value = value.substring(1, close);
        } else if (value.matches("[0-9.]+:\\d+")) {
            value = value.substring(0, value.indexOf(':'));
        }
        int zone = value.indexOf('%');
        if (zone >= 0) {
            value = value.substring(0, zone);
        }
        boolean v4 = value.matches("\\d{1,3}(\\.\\d{1,3}){3}")
                && java.util.Arrays.stream(value.split("\\.")).allMatch(octet -> Integer.parseInt(octet) <= 255);
        boolean v6 = value.contains(":") && value.matches("[0-9A-Fa-f:.]+");
        if (!v4 && !v6) {
            return Optional.empty();
        }
        try {
            // A literal never makes InetAddress ask DNS.
            return Optional.of(InetAddress.getByName(value).getAddress());
        } catch (UnknownHostException e) {
            return Optional.empty();
        }
    }

    private static Block block(String part) {
        int slash = part.indexOf('/');
        String address = slash < 0 ? part : part.substring(0, slash);
        boolean plain = address.matches("[0-9.]+")
                || address.contains(":") && address.matches("[0-9A-Fa-f:.]+") && !address.matches("[0-9.]+:\\d+");
        byte[] bytes = (plain ? literal(address) : Optional.<byte[]>empty()).orElseThrow(() -> invalid(part));
        int bits = bytes.length * 8;
        int prefix = bits;
        if (slash >= 0) {
            String length = part.substring(slash + 1);
            if (!length.matches("\\d{1,3}") || Integer.parseInt(length) > bits) {
                throw invalid(part);
            }
            prefix = Integer.parseInt(length);
        }
        return new Block(bytes, prefix, part);
    }

    private static ConfigException invalid(String part) {
        return new ConfigException(VARIABLE + " must be a comma-separated list of IP addresses or CIDR blocks such as "
                + "10.0.0.0/8, 172.16.0.0/12, fd00::/8, not '" + part + "'.");
    }
}
