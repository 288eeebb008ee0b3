import java.io.File;
import java.util.Arrays;

import com.pixelmed.dicom.AttributeList;

/**
 * PixelMed's own decoding for the load benchmark (its JPEG lossless codec from
 * libpixelmed-imageio-java): reads and decompresses every file of a folder, as TwinPrint did
 * before it decoded lossless JPEG itself. Run as a single-file program.
 */
public class PixelMedLoad {
    public static void main(String[] args) throws Exception {
        long start = System.nanoTime();
        File[] files = new File(args[0]).listFiles(File::isFile);
        Arrays.sort(files);
        long sum = 0;
        for (File f : files) {
            AttributeList list = new AttributeList();
            list.read(f);
            for (short s : list.getPixelData().getShortValues()) {
                sum += s;
            }
        }
        System.out.printf("[twinprint] stage load: %d ms%n", (System.nanoTime() - start) / 1_000_000);
        System.out.println("sum of stored values " + sum);
    }
}
