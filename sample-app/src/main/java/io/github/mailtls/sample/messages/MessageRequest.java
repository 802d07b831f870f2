package io.github.mailtls.sample.messages;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * A message to send, as posted to {@code /messages}.
 *
 * @param to the recipient address
 * @param subject the subject
 * @param text the plain text body
 * @author mail-tls
 */
record MessageRequest(@NotBlank @Email String to, @NotBlank @Size(max = 200) String subject,
		@NotNull @Size(max = 10000) String text) {

}
