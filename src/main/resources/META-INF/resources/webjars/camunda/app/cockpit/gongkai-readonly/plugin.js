/*
 * Read-only Cockpit for supervisors (督办): a supervisor without admin rights may look at every case
 * but change none (the engine refuses it). This script hides what they cannot do: the toolbar actions
 * (cancel, suspend, modify, migrate, add variable, delete), variable editing, job retries and deletion,
 * deployment deletion, batch operations. Loaded through customScripts in scripts/config.js.
 */

const STYLE = `
body.gk-readonly .ctn-toolbar,
body.gk-readonly [ng-click^="enableEditMode("],
body.gk-readonly [ng-click^="editVariableValue("],
body.gk-readonly [ng-click^="deleteVariable("],
body.gk-readonly [ng-click^="uploadVariable("],
body.gk-readonly [ng-click^="saveVariable("],
body.gk-readonly [ng-click^="deleteDeployment("],
body.gk-readonly [ng-click^="ctrl.toggleSuspension("],
body.gk-readonly [ng-click^="ctrl.retryJob("],
body.gk-readonly [ng-click^="ctrl.retryAll("],
body.gk-readonly [ng-click^="ctrl.deleteJob("],
body.gk-readonly [ng-click^="ctrl.openDeleteModal("],
body.gk-readonly [ng-click^="openBatchOperation("],
body.gk-readonly [ng-click^="onDelete("],
body.gk-readonly [cam-widget-header] a[href*="#/batch"],
body.gk-readonly [cam-widget-header] li:has(> a[href*="#/batch"]) {
  display: none !important;
}
`;

const ADMIN_GROUPS = ['admin', 'camunda-admin'];

function readOnly(groups) {
  return groups.includes('supervisor') && !groups.some(g => ADMIN_GROUPS.includes(g));
}

function apply() {
  if (!document.getElementById('gk-readonly-style')) {
    const style = document.createElement('style');
    style.id = 'gk-readonly-style';
    style.textContent = STYLE;
    document.head.appendChild(style);
  }
  document.body.classList.add('gk-readonly');
}

function check() {
  const json = { credentials: 'same-origin', headers: { Accept: 'application/json' } };
  fetch('/camunda/api/admin/auth/user/default', json)
    .then(r => (r.ok ? r.json() : null))
    .then(user => {
      if (!user || !user.userId) {
        document.body.classList.remove('gk-readonly');
        return null;
      }
      return fetch('/camunda/api/engine/engine/default/group?member=' + encodeURIComponent(user.userId), json)
        .then(r => (r.ok ? r.json() : []))
        .then(groups => {
          if (readOnly(groups.map(g => g.id))) {
            apply();
          } else {
            document.body.classList.remove('gk-readonly');
          }
        });
    })
    .catch(() => {});
}

check();
// the same page serves the next user after a logout and login: check again on every navigation
window.addEventListener('hashchange', check);

export default [];
