package dev.iotjobs.core;

import java.net.URI;
import java.time.Duration;

/**
 * Signs the object URLs of a job document's {@code ${aws:iot:s3-presigned-url:URL}} placeholders for the device
 * that receives the document (SPEC J16); the host decides how, for example with the AWS SDK's {@code S3Presigner}
 * (see the README). Called on every device read of a document with placeholders, so it should be fast and must
 * be thread-safe. Without a signer, CreateJob rejects documents with placeholders.
 */
@FunctionalInterface
public interface PresignedUrlSigner {
    /**
     * @param objectUrl the URL inside the placeholder, such as {@code https://s3.us-east-1.amazonaws.com/bucket/key}
     * @param roleArn the job's {@code presignedUrlConfig.roleArn}: the role whose rights the URL carries
     * @param expiresIn how long the URL stays valid: the job's {@code presignedUrlConfig.expiresInSec}, 3600 s by
     *     default
     * @return the presigned URL the device receives in place of the placeholder
     * @throws RuntimeException if it cannot sign; the device's call then fails with
     *     {@link dev.iotjobs.api.error.ServiceUnavailableException} and changes nothing
     */
    String presign(URI objectUrl, String roleArn, Duration expiresIn);
}
