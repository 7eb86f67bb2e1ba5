// Draws a process (a request's or a complaint's) with bpmn-js (viewer only) and marks where it has been and is.
(function () {
  const container = document.getElementById('diagram');
  if (!container || typeof BpmnJS === 'undefined') {
    return;
  }
  const steps = JSON.parse(container.dataset.steps || '[]');
  const viewer = new BpmnJS({ container: container });
  fetch(container.dataset.bpmn, { credentials: 'same-origin' })
    .then(function (response) { return response.text(); })
    .then(function (xml) { return viewer.importXML(xml); })
    .then(function () {
      const canvas = viewer.get('canvas');
      const registry = viewer.get('elementRegistry');
      canvas.zoom('fit-viewport');
      // A sub-process the request is inside is outlined, not filled, so the step within it stands out.
      const mark = function (id, marker) {
        const element = registry.get(id);
        if (element) {
          canvas.addMarker(id, element.type === 'bpmn:SubProcess' ? marker + '-scope' : marker);
        }
      };
      const current = new Set(steps.filter(function (s) { return !s.endedAt; }).map(function (s) { return s.activityId; }));
      steps.forEach(function (step) {
        if (!current.has(step.activityId)) {
          mark(step.activityId, 'passed');
        }
      });
      current.forEach(function (id) { mark(id, 'current'); });
      container.dataset.ready = 'true';
    })
    .catch(function () {
      container.textContent = 'The diagram could not be drawn; the steps are listed below.';
      container.dataset.ready = 'failed';
    });
})();
