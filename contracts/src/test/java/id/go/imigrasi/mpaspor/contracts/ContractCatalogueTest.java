package id.go.imigrasi.mpaspor.contracts;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.stream.Collectors;

import org.jboss.jandex.ClassInfo;
import org.jboss.jandex.DotName;
import org.jboss.jandex.Index;
import org.jboss.jandex.IndexReader;
import org.junit.jupiter.api.Test;

import id.go.imigrasi.mpaspor.contracts.billing.BillingPaid;

/** Every published event follows the naming rules ops and consumers rely on. */
class ContractCatalogueTest {

    private static List<Class<?>> events() throws IOException, ClassNotFoundException {
        Index index;
        try (InputStream in = ContractCatalogueTest.class.getResourceAsStream("/META-INF/jandex.idx")) {
            assertThat(in).as("jandex index of the contracts module").isNotNull();
            index = new IndexReader(in).read();
        }
        List<Class<?>> classes = new java.util.ArrayList<>();
        for (ClassInfo info : index.getAllKnownImplementors(DotName.createSimple(IntegrationEvent.class))) {
            classes.add(Class.forName(info.name().toString()));
        }
        return classes;
    }

    @Test
    void everyEventIsARecordNamedAfterItsProducerPackage() throws Exception {
        List<Class<?>> events = events();
        assertThat(events).contains(BillingPaid.class);
        for (Class<?> event : events) {
            assertThat(event.isRecord()).as(event + " is a record").isTrue();
            EventType type = EventTypes.of(event);
            assertThat(event.getPackageName()).endsWith("." + type.service());
            assertThat(type.name()).isEqualTo(event.getSimpleName());
            assertThat(type.version()).isPositive();
        }
    }

    @Test
    void ceTypesAreUniqueAndVersioned() throws Exception {
        List<String> types = events().stream().map(EventTypes::ceType).collect(Collectors.toList());
        assertThat(types).doesNotHaveDuplicates().allMatch(t -> t.matches("mpaspor\\.[a-z]+\\.[A-Z][A-Za-z]+\\.v\\d+"));
    }

    @Test
    void topicAndTypeAreDerivedFromTheAnnotation() {
        assertThat(EventTypes.ceType(BillingPaid.class)).isEqualTo("mpaspor.billing.BillingPaid.v1");
        assertThat(EventTypes.topic(BillingPaid.class)).isEqualTo("billing.events");
    }
}
