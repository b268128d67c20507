// Posters, history grid, dashboard: page behaviours kept out of the HTML (the CSP forbids inline script).
(function () {
    'use strict';
    document.documentElement.classList.add('js');

    // <form data-drop-empty>: empty fields stay out of the address htmx pushes (/history?search=x, not ?search=x&year=).
    document.addEventListener('htmx:configRequest', function (event) {
        var source = event.detail.elt;
        if (!source || !source.closest || !source.closest('[data-drop-empty]')) {
            return;
        }
        var params = event.detail.parameters;
        Object.keys(params).forEach(function (name) {
            if (params[name] === '') {
                delete params[name];
            }
        });
    });

    // <button data-fill-title data-fill-tmdb data-fill-year>: a search result fills the form of "Add a watch".
    document.addEventListener('click', function (event) {
        var button = event.target.closest ? event.target.closest('[data-fill-title]') : null;
        var form = document.getElementById('add-form');
        if (!button || !form) {
            return;
        }
        form.elements.title.value = button.getAttribute('data-fill-title');
        form.elements.tmdbId.value = button.getAttribute('data-fill-tmdb') || '';
        form.elements.year.value = button.getAttribute('data-fill-year') || '';
        document.querySelectorAll('.search-result.active').forEach(function (row) {
            row.classList.remove('active');
        });
        button.closest('.search-result').classList.add('active');
        (form.elements.tmdbId.value ? form.elements.watchedAt : form.elements.tmdbId).focus();
    });
})();
