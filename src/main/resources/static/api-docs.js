// Shows the API contract with Swagger UI. validatorUrl: null keeps the page from calling an outside validator.
window.addEventListener('load', function () {
    var target = document.getElementById('api');
    window.ui = SwaggerUIBundle({
        url: new URL(target.dataset.spec, document.baseURI).href,
        domNode: target,
        deepLinking: true,
        validatorUrl: null,
        tryItOutEnabled: false,
        presets: [SwaggerUIBundle.presets.apis],
        layout: 'BaseLayout'
    });
});
