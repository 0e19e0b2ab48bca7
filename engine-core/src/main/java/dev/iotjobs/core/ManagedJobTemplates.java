package dev.iotjobs.core;

import dev.iotjobs.api.model.DocumentParameter;
import dev.iotjobs.core.rules.DocumentPlaceholders;
import dev.iotjobs.core.rules.JobDocumentCheck;
import dev.iotjobs.core.rules.Scope;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The catalogue of managed job templates (SPEC J15): AWS's {@code AWS-Reboot} and {@code AWS-Download-File},
 * as the AWS IoT developer guide shows them ("Managed template remote actions and job documents" and
 * "describe-managed-job-template"), and the templates the host registers on the engine builder. Fixed once the
 * engine is built; every lookup of a managed template (its ARN at CreateJob, the two read operations) goes through
 * here.
 */
final class ManagedJobTemplates {
    /** The shape of a template version ({@code ^[1-9]+.[0-9]+}, AWS's ManagedTemplateVersion). */
    static final Pattern VERSION = Pattern.compile("^[1-9]+.[0-9]+");
    /** A managed template's ARN: no account, the version after the name. */
    private static final Pattern ARN = Pattern.compile("arn:aws:iot:([^:]*)::jobtemplate/([^:/]+):([^:/]+)");
    private static final Pattern PRINTABLE = Pattern.compile("[^\\p{C}]+");
    private static final Pattern KEY = Pattern.compile("[a-zA-Z0-9_-]+");
    private static final int MAX_DOCUMENT_BYTES = 32768;

    private static final DocumentParameter RUN_AS_USER = DocumentParameter.builder()
            .key("runAsUser")
            .description("Execute handler as another user. If not specified, then handler is executed as the same "
                    + "user as device client.")
            .regex("(.){0,256}")
            .example("user1")
            .optional(true)
            .build();
    private static final DocumentParameter PATH_TO_HANDLER = DocumentParameter.builder()
            .key("pathToHandler")
            .description("Path to handler on the device. If not specified, then device client will use the current "
                    + "working directory.")
            .regex("(.){0,4096}")
            .example("/path/to/handler/script")
            .optional(true)
            .build();

    /** {@code AWS-Reboot} 1.0: runs {@code reboot.sh}; only the two optional parameters all templates share. */
    static final ManagedJobTemplate AWS_REBOOT = ManagedJobTemplate.builder()
            .templateName("AWS-Reboot")
            .templateVersion("1.0")
            .description("A managed job template for rebooting the device.")
            .environments("LINUX")
            .document("{\"version\":\"1.0\",\"steps\":[{\"action\":{\"name\":\"Reboot\",\"type\":\"runHandler\","
                    + "\"input\":{\"handler\":\"reboot.sh\",\"path\":\"${aws:iot:parameter:pathToHandler}\"},"
                    + "\"runAsUser\":\"${aws:iot:parameter:runAsUser}\"}}]}")
            .documentParameters(RUN_AS_USER, PATH_TO_HANDLER)
            .build();

    /** {@code AWS-Download-File} 1.0: runs {@code download-file.sh downloadUrl filePath}. */
    static final ManagedJobTemplate AWS_DOWNLOAD_FILE = ManagedJobTemplate.builder()
            .templateName("AWS-Download-File")
            .templateVersion("1.0")
            .description("A managed job template for downloading a file.")
            .environments("LINUX")
            .document("{\"version\":\"1.0\",\"steps\":[{\"action\":{\"name\":\"Download-File\","
                    + "\"type\":\"runHandler\",\"input\":{\"handler\":\"download-file.sh\","
                    + "\"args\":[\"${aws:iot:parameter:downloadUrl}\",\"${aws:iot:parameter:filePath}\"],"
                    + "\"path\":\"${aws:iot:parameter:pathToHandler}\"},"
                    + "\"runAsUser\":\"${aws:iot:parameter:runAsUser}\"}}]}")
            .documentParameters(
                    DocumentParameter.builder().key("downloadUrl").description("URL of file to download.")
                            .regex("(.*?)").example("http://www.example.com/index.html").optional(false).build(),
                    DocumentParameter.builder().key("filePath")
                            .description("Path on the device where downloaded file is written.")
                            .regex("(.*?)").example("/path/to/file").optional(false).build(),
                    RUN_AS_USER, PATH_TO_HANDLER)
            .build();

    /** Name, then version in numeric order. */
    private static final Comparator<ManagedJobTemplate> ORDER = Comparator
            .comparing(ManagedJobTemplate::templateName)
            .thenComparing(t -> versionKey(t.templateVersion()), ManagedJobTemplates::compareVersions)
            .thenComparing(ManagedJobTemplate::templateVersion);

    private final List<ManagedJobTemplate> templates;

    private ManagedJobTemplates(List<ManagedJobTemplate> templates) {
        this.templates = templates.stream().sorted(ORDER).toList();
    }

    /**
     * @param hostTemplates the templates the host registered, besides AWS's
     * @return the catalogue
     * @throws IllegalArgumentException naming the template and member if one is malformed or registered twice
     */
    static ManagedJobTemplates of(List<ManagedJobTemplate> hostTemplates) {
        List<ManagedJobTemplate> all = new ArrayList<>(List.of(AWS_REBOOT, AWS_DOWNLOAD_FILE));
        Set<String> seen = new HashSet<>();
        all.forEach(t -> seen.add(t.templateName() + ":" + t.templateVersion()));
        for (ManagedJobTemplate template : hostTemplates) {
            check(template);
            if (!seen.add(template.templateName() + ":" + template.templateVersion())) {
                throw new IllegalArgumentException("managedJobTemplate " + template.templateName() + ":"
                        + template.templateVersion() + " is registered twice (AWS-Reboot:1.0 and "
                        + "AWS-Download-File:1.0 are in the catalogue already)");
            }
            all.add(template);
        }
        return new ManagedJobTemplates(all);
    }

    /** @return every template, by name then version */
    List<ManagedJobTemplate> all() {
        return templates;
    }

    /**
     * @param name a template name
     * @param version a version, or null for the latest
     * @return that template
     */
    Optional<ManagedJobTemplate> find(String name, String version) {
        return templates.stream()
                .filter(t -> t.templateName().equals(name) && (version == null || t.templateVersion().equals(version)))
                .reduce((earlier, later) -> later);   // sorted: the last is the latest
    }

    /**
     * @param arn a {@code jobTemplateArn}
     * @return whether it has a managed template's shape, {@code arn:aws:iot:{region}::jobtemplate/{name}:{version}}
     *     (no account); a custom template's ARN carries the account
     */
    static boolean isManagedArn(String arn) {
        return arn != null && ARN.matcher(arn).matches();
    }

    /**
     * @param arn a managed template's ARN
     * @param scope the engine's region
     * @return the template it names in this region, if the catalogue has it
     */
    Optional<ManagedJobTemplate> byArn(String arn, Scope scope) {
        Matcher m = ARN.matcher(arn);
        if (!m.matches() || !m.group(1).equals(scope.region())) {
            return Optional.empty();
        }
        return find(m.group(2), m.group(3));
    }

    /** @return the template's ARN in the engine's region */
    static String arn(ManagedJobTemplate template, Scope scope) {
        return "arn:aws:iot:" + scope.region() + "::jobtemplate/" + template.templateName() + ":"
                + template.templateVersion();
    }

    private static void check(ManagedJobTemplate t) {
        if (t == null) {
            throw new IllegalArgumentException("managedJobTemplate must not be null");
        }
        String at = "managedJobTemplate " + t.templateName() + ":" + t.templateVersion() + ": ";
        if (t.templateName() == null || t.templateName().isEmpty() || t.templateName().length() > 64
                || !t.templateName().matches("[^:/\\p{C}\\s]+")) {
            throw new IllegalArgumentException(at + "templateName must be 1..64 characters without ':', '/', "
                    + "spaces or control characters");
        }
        if (t.templateVersion() == null || !VERSION.matcher(t.templateVersion()).matches()
                || t.templateVersion().contains(":") || t.templateVersion().contains("/")) {
            throw new IllegalArgumentException(at + "templateVersion must match ^[1-9]+.[0-9]+, such as 1.0");
        }
        if (t.description() != null && (t.description().length() > 2028
                || !PRINTABLE.matcher(t.description()).matches())) {
            throw new IllegalArgumentException(at + "description must be 1..2028 printable characters");
        }
        t.environments().forEach(e -> {
            if (e == null || !PRINTABLE.matcher(e).matches()) {
                throw new IllegalArgumentException(at + "environments must be printable names such as LINUX");
            }
        });
        JobDocumentCheck.problem(t.document(), MAX_DOCUMENT_BYTES).ifPresent(problem -> {
            throw new IllegalArgumentException(at + "document " + problem);
        });
        Set<String> keys = new HashSet<>();
        for (DocumentParameter p : t.documentParameters()) {
            if (p == null || p.key() == null || p.key().length() > 128 || !KEY.matcher(p.key()).matches()) {
                throw new IllegalArgumentException(at + "every documentParameters key must be 1..128 characters "
                        + "of [a-zA-Z0-9_-]");
            }
            if (!keys.add(p.key())) {
                throw new IllegalArgumentException(at + "documentParameters key " + p.key() + " is given twice");
            }
            if (p.regex() == null) {
                throw new IllegalArgumentException(at + "documentParameters " + p.key() + ": regex is required");
            }
            DocumentPlaceholders.regexProblem(p.regex()).ifPresent(problem -> {
                throw new IllegalArgumentException(at + "documentParameters " + p.key() + ": regex "
                        + p.regex() + " does not compile: " + problem);
            });
            if (p.example() != null && !p.example().matches(p.regex())) {
                throw new IllegalArgumentException(at + "documentParameters " + p.key() + ": example "
                        + p.example() + " does not match its regex " + p.regex());
            }
        }
        for (String used : DocumentPlaceholders.parameterKeys(t.document())) {
            if (!keys.contains(used)) {
                throw new IllegalArgumentException(at + "document uses ${aws:iot:parameter:" + used + "}, which is "
                        + "not among its documentParameters");
            }
        }
    }

    private static List<Integer> versionKey(String version) {
        List<Integer> parts = new ArrayList<>();
        for (String part : version.split("[^0-9]+")) {
            if (!part.isEmpty()) {
                parts.add(Integer.parseInt(part.length() > 9 ? part.substring(0, 9) : part));
            }
        }
        return parts;
    }

    private static int compareVersions(List<Integer> a, List<Integer> b) {
        for (int i = 0; i < Math.min(a.size(), b.size()); i++) {
            int c = Integer.compare(a.get(i), b.get(i));
            if (c != 0) {
                return c;
            }
        }
        return Integer.compare(a.size(), b.size());
    }
}
