package org.dsarflow.subject;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

/** Registry imports as jobs ({@code dsar.imports.*}). */
@ConfigMapping(prefix = "dsar.imports")
public interface RegistryImportConfig {

    /**
     * An import whose node has not said it still runs it for this long is taken as interrupted. Nodes say so
     * every 15 seconds, and at each batch; keep it well above that.
     */
    @WithDefault("PT1M")
    Duration lease();

    /** Workbench uploads of at least this many bytes are imported on a worker, with a progress page. */
    @WithDefault("1048576")
    long workbenchAsyncFromBytes();
}
