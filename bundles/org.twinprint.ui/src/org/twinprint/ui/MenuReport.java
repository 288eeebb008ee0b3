package org.twinprint.ui;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Event;
import org.eclipse.swt.widgets.Menu;
import org.eclipse.swt.widgets.MenuItem;
import org.eclipse.swt.widgets.Shell;
import org.twinprint.core.files.AtomicFiles;

/**
 * A self-check for installations: with {@code -Dtwinprint.menuReport=FILE} the workbench writes
 * every menu item it shows ("Menu > Item" per line) to FILE and closes, so a script can verify
 * that an installed plugin reached the menus.
 */
final class MenuReport {

    private MenuReport() {
    }

    static List<String> items(Shell shell) {
        List<String> lines = new ArrayList<>();
        for (MenuItem top : shell.getMenuBar().getItems()) {
            String name = clean(top.getText());
            Menu menu = top.getMenu();
            if (menu == null) {
                continue;
            }
            menu.notifyListeners(SWT.Show, new Event()); // menu managers fill menus as they are shown
            for (MenuItem item : menu.getItems()) {
                if ((item.getStyle() & SWT.SEPARATOR) == 0) {
                    lines.add(name + " > " + clean(item.getText()));
                }
            }
            menu.notifyListeners(SWT.Hide, new Event());
        }
        return lines;
    }

    static void write(Shell shell, Path file) throws IOException {
        AtomicFiles.writeString(file, String.join("\n", items(shell)) + "\n");
    }

    private static String clean(String text) {
        return text.replace("&", "").split("\t")[0];
    }
}
