package id.go.imigrasi.mpaspor.e2e;

import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import javax.imageio.ImageIO;

/** The files an applicant photographs or scans: a legible 1024x720 PNG, and a mistake (a text file named .jpg). */
final class Documents {

    private final Path dir;

    Documents(Path dir) {
        this.dir = dir;
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    Path scan(String who, String documentType) {
        BufferedImage image = new BufferedImage(1024, 720, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            g.setColor(new Color(0xF4F1E8));
            g.fillRect(0, 0, 1024, 720);
            g.setColor(new Color(0x1F3A5F));
            g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 48));
            g.drawString(documentType, 60, 140);
            g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 32));
            g.drawString(who, 60, 220);
            g.drawRect(30, 30, 964, 660);
        } finally {
            g.dispose();
        }
        Path file = dir.resolve(who.replaceAll("\\W+", "-") + "-" + documentType + ".png");
        try {
            ImageIO.write(image, "png", file.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return file;
    }

    /** Looks like a photo by its name, is a text file by its content. */
    Path notAnImage(String who, String documentType) {
        Path file = dir.resolve(who.replaceAll("\\W+", "-") + "-" + documentType + ".jpg");
        try {
            Files.writeString(file, "catatan belanja: beras 5 kg, minyak goreng 2 liter, telur 1 kg\n".repeat(50),
                    StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return file;
    }
}
