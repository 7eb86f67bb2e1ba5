package org.dsarflow.subject;

import java.io.InputStream;
import java.util.function.Consumer;

/** How a registry file is written: CSV with a header row, or a JSON array of subjects. */
public enum RegistryFormat {
    CSV {
        @Override
        void read(InputStream body, Consumer<RegistryDraftRow> rows) {
            RegistryCsvReader.read(body, rows);
        }
    },
    JSON {
        @Override
        void read(InputStream body, Consumer<RegistryDraftRow> rows) {
            RegistryJsonReader.read(body, rows);
        }
    };

    abstract void read(InputStream body, Consumer<RegistryDraftRow> rows);
}
