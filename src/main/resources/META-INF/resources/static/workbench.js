// GOV.UK Frontend's components (error summary focus, service navigation toggle) on every page.
import { initAll } from '/webjars/govuk-frontend/5.14.0/dist/govuk/govuk-frontend.min.js';

initAll();
