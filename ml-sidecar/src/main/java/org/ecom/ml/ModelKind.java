package org.ecom.ml;

/** The models the sidecar trains, by the name ml.model_run.model_kind stores. */
public enum ModelKind {
    SEGMENTS("segments"),
    REPURCHASE("repurchase"),
    RECOMMENDATIONS("recommendations"),
    FORECAST("forecast");

    private final String storedName;

    ModelKind(String storedName) {
        this.storedName = storedName;
    }

    public String storedName() {
        return storedName;
    }

    public static ModelKind ofStoredName(String name) {
        for (ModelKind kind : values()) {
            if (kind.storedName.equals(name)) {
                return kind;
            }
        }
        throw new IllegalArgumentException("unknown model '" + name + "': expected segments, repurchase, recommendations or forecast");
    }
}
