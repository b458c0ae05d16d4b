package dev.retention.demo.feedback;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The page Retention Kit's survey e-mails link to ({@code retention.feedback.page-path}): the NPS widget reads the
 * signed token and the score clicked in the e-mail from the URL. Open to guests: the token is the credential.
 */
@Controller
public class FeedbackPageController {

    @GetMapping("/feedback")
    public String feedback() {
        return "feedback";
    }
}
