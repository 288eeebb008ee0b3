package org.twinprint.ui.handlers;

import java.util.ArrayList;
import java.util.List;

import org.eclipse.jface.action.Action;
import org.eclipse.jface.action.ActionContributionItem;
import org.eclipse.jface.action.IContributionItem;
import org.eclipse.ui.IWorkbenchWindow;
import org.eclipse.ui.PartInitException;
import org.eclipse.ui.PlatformUI;
import org.eclipse.ui.actions.CompoundContributionItem;
import org.twinprint.core.service.ServiceEntry;
import org.twinprint.core.service.ServiceKind;
import org.twinprint.ui.TwinPrintPerspective;
import org.twinprint.ui.TwinPrintSession;
import org.twinprint.ui.views.ToolsView;

/**
 * The Tools menu lists every segmentation tool of every installed plugin, read from the service
 * catalog when the menu opens: a plugin's tool appears here without any UI code of its own.
 */
public final class ToolsMenu extends CompoundContributionItem {

    @Override
    protected IContributionItem[] getContributionItems() {
        List<IContributionItem> items = new ArrayList<>();
        for (ServiceEntry e : TwinPrintSession.get().operations().catalog().entries()) {
            if (e.kind() != ServiceKind.SEGMENTATION_TOOL) {
                continue;
            }
            String id = e.service().id();
            Action open = new Action(e.service().label() + "  (" + e.pluginId() + ")") {
                @Override
                public void run() {
                    openTool(id);
                }
            };
            open.setId("org.twinprint.ui.tool." + id);
            open.setToolTipText(e.service().description());
            items.add(new ActionContributionItem(open));
        }
        return items.toArray(IContributionItem[]::new);
    }

    private static void openTool(String id) {
        IWorkbenchWindow window = PlatformUI.getWorkbench().getActiveWorkbenchWindow();
        try {
            ToolsView view = (ToolsView) window.getActivePage().showView(TwinPrintPerspective.TOOLS_VIEW);
            view.select(id);
        } catch (PartInitException e) {
            throw new IllegalStateException("cannot open the Tools view", e);
        }
    }
}
