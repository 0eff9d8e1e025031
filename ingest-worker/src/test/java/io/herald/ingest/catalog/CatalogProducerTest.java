package io.herald.ingest.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.herald.model.catalog.CatalogException;
import org.junit.jupiter.api.Test;

class CatalogProducerTest {

    @Test
    void shouldLoadTheDefaultCatalog() {
        assertThat(new CatalogProducer().catalog(() -> "../catalog/herald.yaml").checks()).isNotEmpty();
    }

    @Test
    void shouldStopWithTheFileAndLineOfABrokenCatalog() {
        assertThatThrownBy(() -> new CatalogProducer().catalog(() -> "src/test/resources/broken-catalog.yaml"))
                .isInstanceOf(CatalogException.class)
                .hasMessageContaining("broken-catalog.yaml:13")
                .hasMessageContaining("carrier-pigeon");
    }

    @Test
    void shouldStopWhenTheCatalogIsMissing() {
        assertThatThrownBy(() -> new CatalogProducer().catalog(() -> "no/such/catalog.yaml"))
                .isInstanceOf(CatalogException.class)
                .hasMessageContaining("no/such/catalog.yaml");
    }
}
