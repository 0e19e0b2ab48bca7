package dev.iotjobs.mqtt;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.util.Version;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * What Moquette brings onto a class path, with the parent pom's exclusions: no second SLF4J binding, no H2 of its
 * own (our h2 holds org.h2.mvstore too), none of its disabled side services; and the Netty it runs on is netty-bom's.
 * EmbeddedMqttBrokerTest runs the broker on exactly this class path.
 */
class MoquetteClasspathTest {
    @Test
    void noneOfMoquettesUnusedDependenciesAreOnTheClassPath() {
        assertThat(present("io.moquette.broker.Server")).isTrue();
        assertThat(present("org.slf4j.reload4j.Reload4jServiceProvider")).as("slf4j-reload4j").isFalse();
        assertThat(present("org.apache.log4j.Logger")).as("reload4j").isFalse();
        assertThat(present("org.h2.mvstore.MVStore")).as("h2-mvstore").isFalse();
        assertThat(present("com.zaxxer.hikari.HikariDataSource")).as("HikariCP").isFalse();
        assertThat(present("org.apache.commons.codec.digest.DigestUtils")).as("commons-codec").isFalse();
        assertThat(present("com.codahale.metrics.MetricRegistry")).as("dropwizard metrics").isFalse();
        assertThat(present("com.librato.metrics.client.LibratoClient")).as("librato").isFalse();
        assertThat(present("com.bugsnag.Bugsnag")).as("bugsnag").isFalse();
        assertThat(present("io.netty.handler.codec.http.HttpServerCodec")).as("netty-codec-http").isFalse();
        assertThat(present("io.netty.channel.epoll.Native")).as("netty native epoll").isFalse();
    }

    @Test
    void runsOnTheNettyOfNettyBom() {
        Map<String, Version> versions = Version.identify();
        assertThat(versions.get("netty-codec-mqtt").artifactVersion()).startsWith("4.2.");
        assertThat(versions.get("netty-transport").artifactVersion()).startsWith("4.2.");
    }

    private static boolean present(String className) {
        try {
            Class.forName(className, false, MoquetteClasspathTest.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException e) {
            return false;
        }
    }
}
