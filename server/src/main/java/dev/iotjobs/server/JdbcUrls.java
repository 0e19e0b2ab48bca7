package dev.iotjobs.server;

/** Makes a JDBC URL fit to print: no password in it. */
final class JdbcUrls {
    private JdbcUrls() {
    }

    /**
     * @param url a JDBC URL
     * @return it without parameters whose name holds {@code password} ({@code ?password=...}, {@code &sslpassword=...},
     *     {@code ;PASSWORD=...}) and without the password of a {@code //user:password@host} part
     */
    static String withoutSecrets(String url) {
        String stripped = url
                .replaceAll("(?i)([?&;])[^?&;=]*password[^?&;=]*=[^&;]*", "$1")
                .replaceAll("([?&;])[&;]+", "$1")
                .replaceAll("[?&;]+$", "");
        return stripped.replaceAll("//([^/@:?]*):[^/@?]*@", "//$1@");
    }
}
