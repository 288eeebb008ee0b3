package org.twinprint.ui.views;

import java.util.List;
import java.util.function.Function;

import org.eclipse.jface.viewers.ITreeContentProvider;

/** Tree content for a viewer whose input is a list of roots and whose nodes know their children. */
final class ListTreeContent implements ITreeContentProvider {

    private final Function<Object, List<?>> children;

    ListTreeContent(Function<Object, List<?>> children) {
        this.children = children;
    }

    @Override
    public Object[] getElements(Object input) {
        return ((List<?>) input).toArray();
    }

    @Override
    public Object[] getChildren(Object parent) {
        return children.apply(parent).toArray();
    }

    @Override
    public Object getParent(Object element) {
        return null;
    }

    @Override
    public boolean hasChildren(Object element) {
        return !children.apply(element).isEmpty();
    }
}
