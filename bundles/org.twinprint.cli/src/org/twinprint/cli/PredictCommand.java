package org.twinprint.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.twinprint.core.files.AtomicFiles;
import org.twinprint.core.model.Case;
import org.twinprint.core.report.Json;
import org.twinprint.core.service.CaseOperations;
import org.twinprint.core.service.ServiceKind;
import org.twinprint.core.spi.BadParameterException;
import org.twinprint.core.spi.OutcomeModel;
import org.twinprint.core.spi.Prediction;
import org.twinprint.core.spi.Progress;
import org.twinprint.prediction.core.LiverPlan;
import org.twinprint.prediction.core.PatientData;

/**
 * {@code releng/run predict}: the case's liver plan variants side by side, each with its remnant,
 * risk category, margins and the models that apply, with intervals and sources. Patient data and
 * variants given as flags join the case (kept with {@code --save-case}).
 */
final class PredictCommand {

    static final String USAGE = "predict <case.twinprint> | --case FILE [--height-cm N --weight-kg N]"
            + " [--bsa-formula mosteller|dubois] [--liver-condition normal|chemotherapy|fibrosis-or-cirrhosis]"
            + " [--specialty liver-surgery|...] [--planned-minutes N [--planned-minutes-sd N]] [--possum-ps N"
            + " --possum-os N] [--liver SEGMENT] [--tumours A,B] [--add-variant NAME=PLANE[+PLANE]|NAME=segment:SEG]..."
            + " [--chosen NAME] [--variant NAME] [--out predictions.json] [--save-case FILE]   predict each liver"
            + " resection variant: remnant (ml, %, standardised), liver failure risk, tumour margins, POSSUM; every"
            + " number with its interval and source";

    private static final Map<String, String> PATIENT_FLAGS = Map.of("height-cm", "heightCm", "weight-kg", "weightKg",
            "bsa-formula", "bsaFormula", "liver-condition", "liverCondition", "specialty", "specialty",
            "planned-minutes", "plannedMinutes", "planned-minutes-sd", "plannedMinutesSd", "possum-ps",
            "possumPhysiological", "possum-os", "possumOperative");

    private final CaseInputs cases;
    private final CaseOperations operations;
    private final PrintStream out;
    private final PrintStream err;

    PredictCommand(CaseInputs cases, CaseOperations operations, PrintStream out, PrintStream err) {
        this.cases = cases;
        this.operations = operations;
        this.out = out;
        this.err = err;
    }

    int run(List<String> args) throws IOException {
        Flags flags = Flags.parse(args, List.of(), java.util.Set.of("add-variant"));
        String caseFile = flags.take("case");
        if (caseFile == null && flags.positional().size() == 1) {
            caseFile = flags.positional().get(0);
        } else if (caseFile == null || !flags.positional().isEmpty()) {
            throw new BadParameterException(USAGE);
        }
        Progress progress = new ConsoleProgress(err);
        Case c = cases.input(caseFile, progress);
        try {
            updatePatient(c, flags);
            updatePlan(c, flags);
        } catch (IllegalArgumentException e) {
            throw new BadParameterException(e.getMessage());
        }
        String variant = flags.take("variant"), outFile = flags.take("out"), caseOut = flags.take("save-case");
        if (!flags.values().isEmpty()) {
            throw new BadParameterException("unknown flags " + flags.values().keySet() + "; " + USAGE);
        }
        OutcomeModel model = operations.catalog().require(ServiceKind.OUTCOME_MODEL, OutcomeModel.class,
                "prediction.liver-resection");
        List<Prediction> predictions = operations.predict(c, model, variant == null ? Map.of()
                : Map.of("variant", variant), progress);
        Map<String, Object> report = new LinkedHashMap<>();
        report.put("notice", "research tool, not a medical device: predictions are research estimates, not clinically"
                + " validated");
        report.put("units", "ml, %, mm; patient LPS");
        report.put("patient", c.results().get(PatientData.KEY));
        report.put("plan", c.results().get(LiverPlan.KEY));
        report.put("variants", c.results().get(LiverPlan.OUTCOMES));
        if (caseOut != null) {
            cases.saveCase(c, caseOut, progress);
        }
        String json = Json.write(report);
        if (outFile != null) {
            AtomicFiles.writeString(Path.of(outFile), json);
            err.println("[twinprint] wrote " + Path.of(outFile).toAbsolutePath());
        }
        out.print(json);
        summary(predictions, c.results().get(LiverPlan.OUTCOMES));
        return 0;
    }

    /** One line per prediction and one per variant's risk on standard error, for a person reading the run. */
    private void summary(List<Prediction> predictions, Object variants) {
        for (Prediction p : predictions) {
            err.println(String.format(Locale.ROOT, "[twinprint] %s: %.1f %s (%.1f to %.1f)", p.quantity(), p.value(),
                    p.unit(), p.lower(), p.upper()));
        }
        if (variants instanceof List<?> list) {
            for (Object o : list) {
                Map<?, ?> v = (Map<?, ?>) o;
                err.println("[twinprint] " + v.get("variant") + (Boolean.TRUE.equals(v.get("chosen")) ? " (chosen)" : "")
                        + ": " + v.get("risk"));
                ((List<?>) v.get("notApplied")).forEach(n -> err.println("[twinprint]   not applied: " + n));
            }
        }
    }

    private static void updatePatient(Case c, Flags flags) {
        Map<String, Object> patient = new LinkedHashMap<>();
        if (c.results().get(PatientData.KEY) instanceof Map<?, ?> old) {
            old.forEach((k, v) -> patient.put(String.valueOf(k), v));
        }
        boolean given = false;
        for (Map.Entry<String, String> e : PATIENT_FLAGS.entrySet()) {
            String v = flags.take(e.getKey());
            if (v != null) {
                patient.put(e.getValue(), v);
                given = true;
            }
        }
        if (given) {
            c.putResult(PatientData.KEY, PatientData.of(patient).toMap());
        }
    }

    private static void updatePlan(Case c, Flags flags) {
        LiverPlan old = c.results().get(LiverPlan.KEY) instanceof Map<?, ?> m ? LiverPlan.of(m) : null;
        String liver = flags.take("liver"), tumours = flags.take("tumours"), chosen = flags.take("chosen");
        List<String> added = flags.takeAll("add-variant");
        if (liver == null && tumours == null && chosen == null && added.isEmpty()) {
            return;
        }
        List<LiverPlan.Variant> variants = new ArrayList<>(old == null ? List.of() : old.variants());
        for (String spec : added) {
            LiverPlan.Variant v = LiverPlan.Variant.parse(spec);
            variants.removeIf(x -> x.name().equals(v.name()));
            variants.add(v);
        }
        LiverPlan plan = new LiverPlan(liver != null ? liver : old != null ? old.liver() : "Liver",
                tumours != null ? List.of(tumours.split("\\s*,\\s*")) : old != null ? old.tumours() : List.of(),
                variants, chosen != null ? chosen : old != null ? old.chosen() : null);
        c.putResult(LiverPlan.KEY, plan.toMap());
    }
}
