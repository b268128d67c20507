package app.pathary.testing;

import java.awt.Color;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import javax.imageio.ImageIO;

/**
 * {@code GET /Items/{itemId}/Images/{imageType}?maxWidth=}, as Jellyfin answers it: anonymous (Jellyfin serves
 * pictures without a token, so it checks no library access), 404 for an unknown item, another image type or an item
 * without a poster, else a PNG at most {@code maxWidth} wide in the 2:3 shape of a poster, drawn from the item's id
 * (each item its own colours).
 */
final class FakeJellyfinImageRoutes {
    private static final int FULL_WIDTH = 600;
    private static final Map<String, byte[]> DRAWN = new ConcurrentHashMap<>();

    private FakeJellyfinImageRoutes() {
    }

    static void register(FakeJellyfinRoutes routes, FakeJellyfinState state) {
        routes.anonymous("GET", "/Items/{itemId}/Images/{imageType}", (exchange, path) -> {
            FakeItem item = state.item(FakeJellyfinExchange.normaliseGuid(path.getFirst()));
            if (item == null || !"Primary".equalsIgnoreCase(path.get(1)) || !item.hasPrimaryImage()) {
                throw FakeHttpError.notFound("Image not found");
            }
            Integer asked = exchange.integer("maxWidth");
            int width = asked == null || asked <= 0 ? FULL_WIDTH : Math.min(asked, FULL_WIDTH);
            exchange.bytes(200, "image/png", DRAWN.computeIfAbsent(item.id() + "/" + width, key -> draw(item.id(), width)));
        });
    }

    private static byte[] draw(String id, int width) {
        int height = width * 3 / 2;
        int seed = id.hashCode();
        Color top = Color.getHSBColor((seed & 0xff) / 255f, 0.55f, 0.75f);
        Color bottom = Color.getHSBColor(((seed >> 8) & 0xff) / 255f, 0.6f, 0.25f);
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setPaint(new GradientPaint(0, 0, top, 0, height, bottom));
        g.fillRect(0, 0, width, height);
        g.setColor(new Color(255, 255, 255, 70));
        int circle = width / 2 + Math.floorMod(seed >> 16, width / 4 + 1);
        g.fillOval(Math.floorMod(seed, width / 2 + 1) - circle / 4, height / 5, circle, circle);
        g.setColor(new Color(0, 0, 0, 110));
        g.fillRect(0, height * 3 / 4, width, height / 4);
        g.dispose();
        try (ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            ImageIO.write(image, "png", out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
