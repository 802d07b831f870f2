/*
 * Copyright 2025-present the original author or authors.
 *
 * Licensed under the Apache License, Version 2.0 (the "License");
 * you may not use this file except in compliance with the License.
 * You may obtain a copy of the License at
 *
 *      https://www.apache.org/licenses/LICENSE-2.0
 *
 * Unless required by applicable law or agreed to in writing, software
 * distributed under the License is distributed on an "AS IS" BASIS,
 * WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied.
 * See the License for the specific language governing permissions and
 * limitations under the License.
 */
package io.github.mailtls.sample.messages;

import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.mail.MailException;
import org.springframework.mail.MailSendException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

import io.github.mailtls.policy.MailTlsPolicyException;
import io.github.mailtls.sample.SampleApplication;

/**
 * Answers errors of the sample's API with RFC 9457 problem details: the invalid fields of
 * a request, or why a message was not sent, with the policy's refusal reason.
 */
@RestControllerAdvice(basePackageClasses = SampleApplication.class)
class MessageExceptionHandler extends ResponseEntityExceptionHandler {

	@ExceptionHandler
	ProblemDetail mailNotSent(MailException ex) {
		MailTlsPolicyException refusal = findRefusal(ex);
		if (refusal == null) {
			ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_GATEWAY, ex.getMessage());
			problem.setTitle("Mail could not be sent");
			problem.setProperty("outcome", "failure");
			return problem;
		}
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_GATEWAY, refusal.getMessage());
		problem.setTitle("Mail refused by the TLS policy");
		problem.setProperty("outcome", "refused");
		problem.setProperty("reason", refusal.getReason().value());
		problem.setProperty("host", refusal.getHost());
		problem.setProperty("port", refusal.getPort());
		problem.setProperty("mode", refusal.getMode().value());
		return problem;
	}

	@Override
	protected @Nullable ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		List<Map<String, String>> errors = ex.getFieldErrors()
			.stream()
			.map((error) -> Map.of("field", error.getField(), "message", String.valueOf(error.getDefaultMessage())))
			.toList();
		ex.getBody().setProperty("errors", errors);
		return super.handleMethodArgumentNotValid(ex, headers, status, request);
	}

	private static @Nullable MailTlsPolicyException findRefusal(MailException ex) {
		MailTlsPolicyException refusal = MailTlsPolicyException.findIn(ex);
		if (refusal == null && ex instanceof MailSendException sendException) {
			// Each unsent message has its own cause; a refusal shows up there.
			for (Exception failure : sendException.getFailedMessages().values()) {
				refusal = MailTlsPolicyException.findIn(failure);
				if (refusal != null) {
					break;
				}
			}
		}
		return refusal;
	}

}
