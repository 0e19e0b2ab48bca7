package dev.iotjobs.core;

import dev.iotjobs.api.error.JobsException;
import dev.iotjobs.api.error.ServiceUnavailableException;
import dev.iotjobs.api.model.Job;
import dev.iotjobs.api.model.JobExecution;
import dev.iotjobs.core.rules.DocumentPlaceholders;
import java.time.Duration;

/**
 * SPEC J16: the job document as a device receives it. Every document that reaches a device (StartNext, data-plane
 * DescribeJobExecution, UpdateJobExecution with {@code includeJobDocument}, NextJobExecutionChanged) goes through
 * {@link #render}, which replaces each {@code ${aws:iot:s3-presigned-url:URL}} by a URL the host's
 * {@link PresignedUrlSigner} signs just then; the stored document and the control plane keep the placeholders.
 */
final class DeviceDocuments {
    private DeviceDocuments() {
    }

    /**
     * @param job the job the document belongs to (its {@code presignedUrlConfig} gives the role and expiry)
     * @param document the stored document, or null
     * @param signer the engine's signer, or null
     * @return the document to send to the device: freshly signed URLs in place of the placeholders; the document
     *     itself when it holds none
     * @throws ServiceUnavailableException if the signer failed (or is missing for a stored placeholder): the
     *     host's dependency, not the device's mistake
     */
    static String render(Job job, String document, PresignedUrlSigner signer) {
        if (document == null || !DocumentPlaceholders.hasPresignedUrls(document)) {
            return document;
        }
        if (signer == null) {
            throw new ServiceUnavailableException("job " + job.jobId() + ": its document holds presigned-URL "
                    + "placeholders and this engine has no PresignedUrlSigner");
        }
        String roleArn = job.presignedUrlConfig() == null ? null : job.presignedUrlConfig().roleArn();
        Duration expiresIn = DocumentPlaceholders.expiry(job.presignedUrlConfig());
        return DocumentPlaceholders.renderPresigned(document, url -> {
            String signed;
            try {
                signed = signer.presign(url, roleArn, expiresIn);
            } catch (JobsException e) {
                throw e;
            } catch (RuntimeException e) {
                // The host's failure, not the device's: the cause stays in the exception, not in the answer.
                throw new ServiceUnavailableException("job " + job.jobId() + ": a presigned URL of its document "
                        + "could not be signed; try again", e);
            }
            if (signed == null) {
                throw new ServiceUnavailableException("job " + job.jobId() + ": the PresignedUrlSigner returned "
                        + "no URL for " + url);
            }
            return signed;
        });
    }

    /**
     * @param execution an execution as a data-plane response carries it, or null
     * @param job its job
     * @param signer the engine's signer, or null
     * @return the execution with its {@code jobDocument}, if it carries one, rendered for the device
     */
    static JobExecution render(JobExecution execution, Job job, PresignedUrlSigner signer) {
        if (execution == null || execution.jobDocument() == null) {
            return execution;
        }
        String rendered = render(job, execution.jobDocument(), signer);
        return rendered.equals(execution.jobDocument()) ? execution
                : execution.toBuilder().jobDocument(rendered).build();
    }
}
