package org.twinprint.ui.views;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Text;
import org.twinprint.core.spi.ParameterSpec;
import org.twinprint.core.spi.TwinPrintService;

/**
 * Builds a form from a service's parameter descriptions: the same descriptions from which the
 * command line builds its flags. A plugin gets its form without writing UI code.
 */
final class ParameterForm {

    private final Map<String, Supplier<String>> values = new LinkedHashMap<>();
    private final Map<String, Text> texts = new LinkedHashMap<>();
    private final TwinPrintService service;

    ParameterForm(Composite parent, TwinPrintService service) {
        this.service = service;
        List<ParameterSpec> specs = service.parameters();
        parent.setLayout(new GridLayout(3, false));
        for (ParameterSpec spec : specs) {
            Label label = new Label(parent, SWT.NONE);
            label.setText(spec.label());
            label.setToolTipText(spec.help());
            Control field = field(parent, spec);
            field.setToolTipText(spec.help());
            field.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
            new Label(parent, SWT.NONE).setText(spec.unit());
        }
        // the form opens showing what its choices imply, so what it shows is what runs
        for (ParameterSpec spec : specs) {
            if (spec.type() == ParameterSpec.Type.CHOICE) {
                showImplied(spec.key(), values.get(spec.key()).get());
            }
        }
    }

    private void showImplied(String key, String choice) {
        service.impliedBy(key, choice).forEach((k, v) -> {
            Text text = texts.get(k);
            if (text != null) {
                text.setText(v);
            }
        });
    }

    /** Types a value into a text field, as a user would; for tests. */
    void type(String key, String value) {
        Text text = texts.get(key);
        if (text == null) {
            throw new IllegalArgumentException("no text field for " + key);
        }
        text.setText(value);
    }

    /** The text a field shows; for tests. */
    String shown(String key) {
        return values.get(key).get();
    }

    private Control field(Composite parent, ParameterSpec spec) {
        String initial = spec.defaultValue() == null ? "" : spec.defaultValue();
        switch (spec.type()) {
        case BOOLEAN -> {
            Button check = new Button(parent, SWT.CHECK);
            check.setSelection(Boolean.parseBoolean(initial));
            values.put(spec.key(), () -> Boolean.toString(check.getSelection()));
            return check;
        }
        case CHOICE -> {
            Combo combo = new Combo(parent, SWT.READ_ONLY);
            spec.choices().forEach(combo::add);
            combo.select(Math.max(0, spec.choices().indexOf(initial)));
            values.put(spec.key(), combo::getText);
            combo.addListener(SWT.Selection, e -> showImplied(spec.key(), combo.getText()));
            return combo;
        }
        default -> {
            Text text = new Text(parent, SWT.BORDER);
            text.setText(initial);
            values.put(spec.key(), text::getText);
            texts.put(spec.key(), text);
            return text;
        }
        }
    }

    /** The entered values as text, to be checked by the service's own parameter specs. */
    Map<String, String> values() {
        Map<String, String> raw = new LinkedHashMap<>();
        values.forEach((k, v) -> raw.put(k, v.get()));
        return raw;
    }
}
