package org.twinprint.ui.tests;

import java.nio.file.Files;
import java.nio.file.Path;

import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.GC;
import org.eclipse.swt.graphics.Image;
import org.eclipse.swt.graphics.ImageData;
import org.eclipse.swt.graphics.ImageLoader;
import org.eclipse.swt.graphics.Rectangle;
import org.eclipse.swt.widgets.Shell;

/** Saves what a shell shows on screen as a PNG, for people to look at and tests to measure. */
final class Screenshots {

    private Screenshots() {
    }

    static ImageData capture(Shell shell, String name) throws java.io.IOException {
        Rectangle b = shell.getBounds();
        Image image = new Image(shell.getDisplay(), b.width, b.height);
        GC gc = new GC(shell.getDisplay());
        try {
            gc.copyArea(image, b.x, b.y);
            ImageData data = image.getImageData();
            Path dir = Path.of(System.getProperty("twinprint.screenshots", "target/screenshots"));
            Files.createDirectories(dir);
            ImageLoader loader = new ImageLoader();
            loader.data = new ImageData[] { data };
            loader.save(dir.resolve(name).toString(), SWT.IMAGE_PNG);
            return data;
        } finally {
            gc.dispose();
            image.dispose();
        }
    }
}
