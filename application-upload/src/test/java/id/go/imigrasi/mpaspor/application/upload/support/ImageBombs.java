package id.go.imigrasi.mpaspor.application.upload.support;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;

/**
 * Decompression bombs, made in the test (never committed): a PNG whose IHDR declares a huge image whose rows are
 * all zeros, so a few hundred KB of zlib expand to hundreds of MB of pixels; a JPEG whose SOF declares a huge
 * size.
 */
public final class ImageBombs {

    private ImageBombs() {
    }

    /** A complete, valid 1-bit greyscale PNG of {@code width} x {@code height} black pixels. */
    public static byte[] png(int width, int height) throws IOException {
        ByteArrayOutputStream zlib = new ByteArrayOutputStream();
        Deflater deflater = new Deflater(Deflater.BEST_COMPRESSION);
        byte[] row = new byte[1 + (width + 7) / 8]; // filter byte 0 (none), then the row's bits, all zero
        try (OutputStream out = new DeflaterOutputStream(zlib, deflater, 1 << 16)) {
            for (int y = 0; y < height; y++) {
                out.write(row);
            }
        } finally {
            deflater.end();
        }
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        png.write(new byte[] { (byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A });
        chunk(png, "IHDR", ByteBuffer.allocate(13).putInt(width).putInt(height)
                .put((byte) 1).put((byte) 0).put((byte) 0).put((byte) 0).put((byte) 0).array());
        chunk(png, "IDAT", zlib.toByteArray());
        chunk(png, "IEND", new byte[0]);
        return png.toByteArray();
    }

    /** {@code jpeg} with the size in its first SOF marker replaced: the header lies, the data is a small image. */
    public static byte[] jpegDeclaring(byte[] jpeg, int width, int height) {
        byte[] out = jpeg.clone();
        int i = 2;
        while (i + 9 < out.length) {
            if ((out[i] & 0xFF) != 0xFF) {
                throw new IllegalArgumentException("not a JPEG marker at " + i);
            }
            int marker = out[i + 1] & 0xFF;
            int length = ((out[i + 2] & 0xFF) << 8) | (out[i + 3] & 0xFF);
            if (marker >= 0xC0 && marker <= 0xC3) { // SOF0..SOF3: length(2) precision(1) height(2) width(2)
                out[i + 5] = (byte) (height >> 8);
                out[i + 6] = (byte) height;
                out[i + 7] = (byte) (width >> 8);
                out[i + 8] = (byte) width;
                return out;
            }
            i += 2 + length;
        }
        throw new IllegalArgumentException("no SOF marker");
    }

    private static void chunk(ByteArrayOutputStream png, String type, byte[] data) throws IOException {
        byte[] name = type.getBytes(StandardCharsets.US_ASCII);
        png.write(ByteBuffer.allocate(4).putInt(data.length).array());
        png.write(name);
        png.write(data);
        CRC32 crc = new CRC32();
        crc.update(name);
        crc.update(data);
        png.write(ByteBuffer.allocate(4).putInt((int) crc.getValue()).array());
    }
}
