package dev.iotjobs.mqtt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class BrokerSettingsTest {

    @Test
    void brokerUrisAreTcpOrSslWithDefaultPorts() {
        assertThat(BrokerAddress.of(URI.create("tcp://broker.local:1884")))
                .isEqualTo(new BrokerAddress("broker.local", 1884, false));
        assertThat(BrokerAddress.of(URI.create("tcp://broker.local"))).isEqualTo(
                new BrokerAddress("broker.local", 1883, false));
        assertThat(BrokerAddress.of(URI.create("ssl://broker.local"))).isEqualTo(
                new BrokerAddress("broker.local", 8883, true));
        assertThat(BrokerAddress.of(URI.create("ssl://broker.local:8884")).toString())
                .isEqualTo("ssl://broker.local:8884");
    }

    @Test
    void otherBrokerUrisAreRefusedNamingTheProblem() {
        assertThatThrownBy(() -> BrokerAddress.of(URI.create("http://broker.local:1883")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("tcp://HOST:PORT or ssl://");
        assertThatThrownBy(() -> BrokerAddress.of(URI.create("broker.local:1883")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("brokerUri");
        assertThatThrownBy(() -> BrokerAddress.of(URI.create("tcp://user:pw@broker.local:1883")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("credentials(...)");
        assertThatThrownBy(() -> BrokerAddress.of(URI.create("tcp://broker.local:1883/jobs")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("only scheme, host and port");
    }

    @Test
    void reconnectWaitsDoubleUpToTheirBound() {
        Backoff backoff = new Backoff(Duration.ofMillis(100), Duration.ofSeconds(1));
        assertThat(backoff.delayMillis(0)).isEqualTo(100);
        assertThat(backoff.delayMillis(1)).isEqualTo(200);
        assertThat(backoff.delayMillis(3)).isEqualTo(800);
        assertThat(backoff.delayMillis(4)).isEqualTo(1000);
        assertThat(backoff.delayMillis(1000)).isEqualTo(1000);
    }
}
