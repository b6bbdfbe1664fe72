package org.ecom.ml.repurchase;

import org.tribuo.Dataset;
import org.tribuo.Example;
import org.tribuo.Model;
import org.tribuo.MutableDataset;
import org.tribuo.Prediction;
import org.tribuo.classification.Label;
import org.tribuo.classification.LabelFactory;
import org.tribuo.impl.ArrayExample;
import org.tribuo.provenance.SimpleDataSourceProvenance;

import java.util.ArrayList;
import java.util.List;

/** The bridge to Tribuo: feature rows become labelled examples, predictions become buyer probabilities. */
final class TribuoExamples {

    static final Label BUYS = new Label("buys");
    static final Label DOES_NOT_BUY = new Label("does_not_buy");

    private static final LabelFactory LABELS = new LabelFactory();

    private TribuoExamples() {
    }

    /** One example per row; unlabelled rows (scoring) get a placeholder label that nothing reads. */
    static List<Example<Label>> examples(FeatureTable table, boolean[] labels) {
        String[] names = table.names().toArray(String[]::new);
        List<Example<Label>> examples = new ArrayList<>(table.size());
        for (int i = 0; i < table.size(); i++) {
            Label label = labels != null && labels[i] ? BUYS : DOES_NOT_BUY;
            examples.add(new ArrayExample<>(label, names, table.rows()[i].clone()));
        }
        return examples;
    }

    static Dataset<Label> dataset(List<Example<Label>> examples) {
        return new MutableDataset<>(examples, new SimpleDataSourceProvenance("repurchase window", LABELS), LABELS);
    }

    static double[] buyProbabilities(Model<Label> model, List<Example<Label>> examples) {
        List<Prediction<Label>> predictions = model.predict(examples);
        double[] probabilities = new double[predictions.size()];
        for (int i = 0; i < probabilities.length; i++) {
            Label buys = predictions.get(i).getOutputScores().get(BUYS.getLabel());
            probabilities[i] = buys == null ? 0 : buys.getScore();
        }
        return probabilities;
    }
}
