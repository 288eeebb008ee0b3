package org.twinprint.ui.handlers;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.eclipse.jface.action.Action;
import org.eclipse.jface.action.ActionContributionItem;
import org.eclipse.jface.action.IContributionItem;
import org.eclipse.jface.dialogs.MessageDialog;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.ui.PlatformUI;
import org.eclipse.ui.actions.CompoundContributionItem;

/** File > Open Recent: the case files opened or saved last, newest first. */
public final class RecentCasesMenu extends CompoundContributionItem {

    @Override
    protected IContributionItem[] getContributionItems() {
        List<IContributionItem> items = new ArrayList<>();
        int n = 1;
        for (Path file : RecentCases.list()) {
            Action open = new Action("&" + n++ + " " + file.getFileName() + "  (" + file.getParent() + ")") {
                @Override
                public void run() {
                    Shell shell = PlatformUI.getWorkbench().getActiveWorkbenchWindow().getShell();
                    if (!Files.isRegularFile(file)) {
                        MessageDialog.openError(shell, "Open Recent", file + ": the file is not there any more");
                        RecentCases.forget(file);
                    } else if (CaseFiles.mayClose(shell)) {
                        CaseFiles.open(file);
                    }
                }
            };
            items.add(new ActionContributionItem(open));
        }
        return items.toArray(IContributionItem[]::new);
    }
}
