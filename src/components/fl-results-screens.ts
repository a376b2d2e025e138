/** The screens after the last scenario, loaded when the learner gets there. */
import './fl-results.js';
import './fl-certificate.js';
