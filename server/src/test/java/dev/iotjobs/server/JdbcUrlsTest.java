package dev.iotjobs.server;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** JDBC URLs as the ready line and error messages print them. */
class JdbcUrlsTest {
    @Test
    void passwordsAreLeftOutWhereverTheURLCarriesThem() {
        assertThat(JdbcUrls.withoutSecrets("jdbc:postgresql://db:5432/jobs"))
                .isEqualTo("jdbc:postgresql://db:5432/jobs");
        assertThat(JdbcUrls.withoutSecrets("jdbc:postgresql://db/jobs?user=u&password=p&ssl=true"))
                .isEqualTo("jdbc:postgresql://db/jobs?user=u&ssl=true");
        assertThat(JdbcUrls.withoutSecrets("jdbc:postgresql://db/jobs?PASSWORD=p&sslpassword=q"))
                .isEqualTo("jdbc:postgresql://db/jobs");
        assertThat(JdbcUrls.withoutSecrets("jdbc:postgresql://db/jobs?sslmode=require&password=p"))
                .isEqualTo("jdbc:postgresql://db/jobs?sslmode=require");
        assertThat(JdbcUrls.withoutSecrets("jdbc:h2:file:/x;USER=sa;PASSWORD=p;MODE=PostgreSQL"))
                .isEqualTo("jdbc:h2:file:/x;USER=sa;MODE=PostgreSQL");
        assertThat(JdbcUrls.withoutSecrets("jdbc:postgresql://u:p@db/jobs")).isEqualTo("jdbc:postgresql://u@db/jobs");
    }
}
