package dev.iotjobs.core.rules;

import dev.iotjobs.api.error.InvalidRequestException;
import dev.iotjobs.api.model.DocumentParameter;
import dev.iotjobs.api.model.PresignedUrlConfig;
import io.vavr.control.Either;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * The substitution patterns of job documents, pure: {@code ${aws:iot:parameter:KEY}}, filled in from CreateJob's
 * {@code documentParameters} when a job is made from a managed template (SPEC J15), and
 * {@code ${aws:iot:s3-presigned-url:URL}}, replaced by a presigned URL each time a device receives the document
 * (J16).
 *
 * <p>Both are replaced inside JSON strings, so what goes in is JSON-escaped ({@code "} and {@code \}): a value
 * reaches the device exactly as given, and the document stays a JSON object <b>(decision)</b>.
 */
public final class DocumentPlaceholders {
    /** SPEC J16: substitution patterns (parameters and presigned URLs together) one document may hold. */
    public static final int MAX_PATTERNS = 10;
    /** SPEC J16: how long a presigned URL is valid without {@code presignedUrlConfig.expiresInSec}. */
    public static final Duration DEFAULT_EXPIRY = Duration.ofSeconds(3600);

    private static final Pattern PARAMETER = Pattern.compile("\\$\\{aws:iot:parameter:([^}]*)}");
    private static final Pattern PRESIGNED = Pattern.compile("\\$\\{aws:iot:s3-presigned-url:([^}]*)}");

    private DocumentPlaceholders() {
    }

    /**
     * SPEC J15: a managed template's document with every {@code ${aws:iot:parameter:KEY}} replaced by
     * {@code given[KEY]}; an optional parameter left out becomes the empty string.
     *
     * @param templateName the template as the messages name it ({@code AWS-Download-File:1.0})
     * @param document the template's document
     * @param parameters the template's parameters
     * @param given CreateJob's {@code documentParameters}
     * @return the document after substitution, or the failure naming the key: an unknown key, a missing required
     *     parameter, a value not matching its parameter's regex
     */
    public static Either<InvalidRequestException, String> substitute(String templateName, String document,
                                                                     List<DocumentParameter> parameters,
                                                                     Map<String, String> given) {
        Set<String> keys = new LinkedHashSet<>();
        parameters.forEach(p -> keys.add(p.key()));
        for (String key : given.keySet()) {
            if (!keys.contains(key)) {
                return Either.left(new InvalidRequestException(member(key) + ": is not a parameter of managed "
                        + "template " + templateName + " (its parameters: " + String.join(", ", keys) + ")"));
            }
        }
        Map<String, String> values = new java.util.HashMap<>();
        for (DocumentParameter parameter : parameters) {
            String value = given.get(parameter.key());
            if (value == null) {
                if (!Boolean.TRUE.equals(parameter.optional())) {
                    return Either.left(new InvalidRequestException(member(parameter.key()) + ": is required by "
                            + "managed template " + templateName));
                }
                value = "";
            } else if (!Pattern.compile(parameter.regex()).matcher(value).matches()) {
                return Either.left(new InvalidRequestException(member(parameter.key()) + ": must match "
                        + parameter.regex() + ", got " + Checks.quote(value)));
            }
            values.put(parameter.key(), value);
        }
        // One pass over the template's document: a value that itself holds ${aws:iot:parameter:...} text is not
        // substituted again, so the device gets it as given.
        Matcher m = PARAMETER.matcher(document);
        StringBuilder out = new StringBuilder(document.length());
        while (m.find()) {
            String value = values.get(m.group(1));
            m.appendReplacement(out, Matcher.quoteReplacement(value == null ? m.group() : jsonEscaped(value)));
        }
        m.appendTail(out);
        return Either.right(out.toString());
    }

    /**
     * SPEC J16 at CreateJob: at most {@link #MAX_PATTERNS} patterns, and presigned-URL placeholders only with an
     * http(s) URL, a {@code presignedUrlConfig} with a {@code roleArn} and an engine that can sign.
     *
     * @param original the document as given or as its template had it (whose parameter patterns count)
     * @param document the document to store (whose presigned-URL placeholders count)
     * @param config the job's {@code presignedUrlConfig}, or null
     * @param canSign whether the engine has a {@code PresignedUrlSigner}
     * @return the failure, or empty when the document may be stored
     */
    public static Optional<InvalidRequestException> problem(String original, String document,
                                                            PresignedUrlConfig config, boolean canSign) {
        Optional<InvalidRequestException> shape = shapeProblem("document", original, document);
        if (shape.isPresent() || !hasPresignedUrls(document)) {
            return shape;
        }
        if (config == null) {
            return Optional.of(new InvalidRequestException("presignedUrlConfig: is required when the document "
                    + "holds ${aws:iot:s3-presigned-url:...} placeholders"));
        }
        if (config.roleArn() == null) {
            return Optional.of(new InvalidRequestException("presignedUrlConfig.roleArn: is required when the "
                    + "document holds ${aws:iot:s3-presigned-url:...} placeholders"));
        }
        if (!canSign) {
            return Optional.of(new InvalidRequestException("presignedUrlConfig: the document holds "
                    + "${aws:iot:s3-presigned-url:...} placeholders, but this engine has no PresignedUrlSigner"));
        }
        return Optional.empty();
    }

    /**
     * SPEC J16, what a document needs whatever job it goes into: at most {@link #MAX_PATTERNS} patterns, and
     * presigned-URL placeholders with an http(s) URL. Checked at CreateJob and at CreateJobTemplate (J14), where the
     * {@code presignedUrlConfig} may still come with each job.
     *
     * @param member the member to name ({@code document} or {@code documentSource})
     * @param original the document as given or as its template had it (whose parameter patterns count)
     * @param document the document to store (whose presigned-URL placeholders count)
     * @return the failure, or empty
     */
    public static Optional<InvalidRequestException> shapeProblem(String member, String original, String document) {
        List<String> urls = presignedUrls(document);
        int patterns = count(PARAMETER, original) + urls.size();
        if (patterns > MAX_PATTERNS) {
            return Optional.of(new InvalidRequestException(member + ": must hold at most " + MAX_PATTERNS
                    + " substitution patterns (${aws:iot:parameter:...} and ${aws:iot:s3-presigned-url:...} "
                    + "together), got " + patterns));
        }
        for (String url : urls) {
            if (objectUrl(url).isEmpty()) {
                return Optional.of(new InvalidRequestException(member + ": a ${aws:iot:s3-presigned-url:URL} "
                        + "placeholder must hold an absolute http or https URL, got " + Checks.quote(url)));
            }
        }
        return Optional.empty();
    }

    /**
     * SPEC J16: the document as a device receives it, each presigned-URL placeholder replaced by
     * {@code sign(url)}.
     *
     * @param document a stored job document
     * @param sign signs one object URL
     * @return the document with signed URLs; the same string when it holds no placeholder
     */
    public static String renderPresigned(String document, Function<URI, String> sign) {
        Matcher m = PRESIGNED.matcher(document);
        if (!m.find()) {
            return document;
        }
        StringBuilder out = new StringBuilder(document.length() + 512);
        do {
            URI url = objectUrl(m.group(1)).orElseThrow(
                    () -> new IllegalStateException("stored placeholder without a URL: " + m.group()));
            m.appendReplacement(out, Matcher.quoteReplacement(jsonEscaped(sign.apply(url))));
        } while (m.find());
        m.appendTail(out);
        return out.toString();
    }

    /**
     * @param document a job document
     * @return whether it holds a presigned-URL placeholder
     */
    public static boolean hasPresignedUrls(String document) {
        // The literal first: a document without it cannot match, and this runs on every StartNext.
        return document != null && document.contains("${aws:iot:s3-presigned-url:")
                && PRESIGNED.matcher(document).find();
    }

    /**
     * @param config a job's {@code presignedUrlConfig}, or null
     * @return how long its presigned URLs are valid
     */
    public static Duration expiry(PresignedUrlConfig config) {
        return config == null || config.expiresInSec() == null ? DEFAULT_EXPIRY
                : Duration.ofSeconds(config.expiresInSec());
    }

    /**
     * Checks a parameter regex the host registers.
     *
     * @param regex a pattern
     * @return why it does not compile, or empty
     */
    public static Optional<String> regexProblem(String regex) {
        try {
            Pattern.compile(regex);
            return Optional.empty();
        } catch (PatternSyntaxException e) {
            return Optional.of(e.getDescription());
        }
    }

    /**
     * @param document a template document
     * @return the keys of its {@code ${aws:iot:parameter:KEY}} placeholders, in order of first use
     */
    public static Set<String> parameterKeys(String document) {
        Set<String> keys = new LinkedHashSet<>();
        Matcher m = PARAMETER.matcher(document);
        while (m.find()) {
            keys.add(m.group(1));
        }
        return keys;
    }

    private static List<String> presignedUrls(String document) {
        List<String> urls = new ArrayList<>();
        Matcher m = PRESIGNED.matcher(document);
        while (m.find()) {
            urls.add(m.group(1));
        }
        return urls;
    }

    private static Optional<URI> objectUrl(String text) {
        try {
            URI uri = new URI(text);
            String scheme = uri.getScheme();
            boolean web = "https".equalsIgnoreCase(scheme) || "http".equalsIgnoreCase(scheme);
            return web && uri.getHost() != null ? Optional.of(uri) : Optional.empty();
        } catch (URISyntaxException e) {
            return Optional.empty();
        }
    }

    private static int count(Pattern pattern, String document) {
        int n = 0;
        Matcher m = pattern.matcher(document);
        while (m.find()) {
            n++;
        }
        return n;
    }

    private static String member(String key) {
        return "documentParameters[" + Checks.quote(key) + "]";
    }

    /** The text as it must appear inside a JSON string; values and URLs hold no control characters. */
    private static String jsonEscaped(String text) {
        return text.replace("\\", "\\\\").replace("\"", "\\\"");
    }
}
