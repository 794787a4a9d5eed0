// SPDX-License-Identifier: EUPL-1.2
// Starts Swagger UI on the documentation page of one API. The page names the API's OpenAPI document
// in a data attribute, so that no inline script is needed and the Content-Security-Policy can forbid them.
"use strict";
(function () {
  var element = document.getElementById("swagger-ui");
  window.ui = SwaggerUIBundle({
    url: element.dataset.openapiUrl,
    domNode: element,
    layout: "BaseLayout",
    deepLinking: true,
    showExtensions: true,
    showCommonExtensions: true,
    // No badge: it would send the OpenAPI document to an outside validator.
    validatorUrl: null,
    presets: [SwaggerUIBundle.presets.apis],
  });
})();
