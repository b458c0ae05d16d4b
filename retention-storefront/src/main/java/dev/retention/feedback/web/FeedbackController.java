package dev.retention.feedback.web;

import dev.retention.feedback.Feedback;
import dev.retention.feedback.FeedbackAnswer;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * The survey behind a signed invitation link: read it (what to ask, whether it was answered) and answer it once.
 * Works for guests: the token is the credential.
 */
@RestController
public class FeedbackController {

    /** The answer a survey page posts. Only {@code score} is required for NPS. */
    public record AnswerRequest(Integer score, Integer rating, String choice, String comment) {
    }

    private final Feedback feedback;

    public FeedbackController(Feedback feedback) {
        this.feedback = feedback;
    }

    @GetMapping("/retention/api/feedback/{token}")
    public Map<String, Object> invitation(@PathVariable String token) {
        Feedback.Invitation invitation = feedback.invitation(token);
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("kind", invitation.kind());
        view.put("orderId", invitation.orderId());
        view.put("answered", invitation.answered());
        view.put("questions", List.of(
                Map.of("id", "score", "type", "nps", "required", true, "min", 0, "max", 10),
                Map.of("id", "rating", "type", "rating", "required", false, "min", 1, "max", 5),
                Map.of("id", "choice", "type", "choice", "required", false, "options",
                        Feedback.CHOICES.stream().sorted().toList()),
                Map.of("id", "comment", "type", "text", "required", false, "maxLength", 2000)));
        return view;
    }

    @PostMapping("/retention/api/feedback/{token}")
    @ResponseStatus(HttpStatus.CREATED)
    public Map<String, Object> answer(@PathVariable String token, @RequestBody AnswerRequest request) {
        FeedbackAnswer answer = feedback.answer(token, request.score(), request.rating(), request.choice(),
                request.comment());
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("score", answer.score());
        view.put("category", answer.category());
        view.put("answeredAt", answer.answeredAt().toString());
        return view;
    }
}
