import type { Pipeline, Role, Stage } from '@voronka/domain';

type Locale = 'ru' | 'en';

const words = {
  ru: {
    title: 'Регламент воронки',
    stage: 'Этап',
    input: 'Вход',
    output: 'Выход (проверяемый результат)',
    responsible: 'Ответственный',
    tasks: 'Задачи',
    actions: 'Действия',
    ksf: 'КФУ',
    crm: 'Требования к CRM',
    handoff: 'При входе сделка передаётся',
    probability: 'вероятность',
    won: 'успех',
    lost: 'провал',
    lostRule: 'Нужна причина отказа',
    roles: {
      owner: 'Владелец',
      admin: 'Администратор',
      head_of_sales: 'РОП',
      manager: 'Менеджер',
      curator: 'Куратор',
      accountant: 'Бухгалтер',
      hr: 'HR',
      employee: 'Сотрудник',
    },
    functions: { hunter: 'хантер', closer: 'клоузер', farmer: 'фермер', key_account: 'КАМ' },
  },
  en: {
    title: 'Pipeline regulation',
    stage: 'Stage',
    input: 'Input',
    output: 'Output (verifiable result)',
    responsible: 'Responsible',
    tasks: 'Tasks',
    actions: 'Actions',
    ksf: 'Key success factor',
    crm: 'CRM requirements',
    handoff: 'On entry the deal goes to the',
    probability: 'probability',
    won: 'won',
    lost: 'lost',
    lostRule: 'A refusal reason is required',
    roles: {
      owner: 'Owner',
      admin: 'Admin',
      head_of_sales: 'Head of sales',
      manager: 'Manager',
      curator: 'Curator',
      accountant: 'Accountant',
      hr: 'HR',
      employee: 'Employee',
    },
    functions: { hunter: 'hunter', closer: 'closer', farmer: 'farmer', key_account: 'key account manager' },
  },
} as const;

function escapeHtml(text: string): string {
  return text.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c,
  );
}

function responsible(stage: Stage, locale: Locale): string {
  const w = words[locale];
  const role = stage.regulation.responsibleRole ? w.roles[stage.regulation.responsibleRole as Role] : '';
  const fn = stage.regulation.responsibleFunction ? w.functions[stage.regulation.responsibleFunction] : '';
  return [role, fn].filter(Boolean).join(', ');
}

function row(stage: Stage, locale: Locale): string {
  const w = words[locale];
  const kind =
    stage.kind === 'open' ? `${w.probability} ${stage.probability}%` : stage.kind === 'won' ? w.won : w.lost;
  const requirements =
    stage.kind === 'lost' ? [w.lostRule] : stage.exitRequirements.map((requirement) => requirement.label);
  if (stage.handoffFunction) requirements.push(`${w.handoff}: ${w.functions[stage.handoffFunction]}`);
  const cells = [
    `<strong>${escapeHtml(stage.name)}</strong><br><small>${escapeHtml(kind)}</small>`,
    escapeHtml(stage.regulation.input),
    escapeHtml(stage.regulation.output),
    escapeHtml(responsible(stage, locale)),
    escapeHtml(stage.regulation.tasks),
    escapeHtml(stage.regulation.actions),
    escapeHtml(stage.regulation.keySuccessFactor),
    requirements.map((text) => `• ${escapeHtml(text)}`).join('<br>'),
  ];
  return `<tr>${cells.map((cell) => `<td>${cell}</td>`).join('')}</tr>`;
}

/** The pipeline as a one-page printable regulation, generated from its configuration alone. */
export function renderRegulation(pipeline: Pipeline, locale: Locale): string {
  const w = words[locale];
  const head = [w.stage, w.input, w.output, w.responsible, w.tasks, w.actions, w.ksf, w.crm]
    .map((text) => `<th>${escapeHtml(text)}</th>`)
    .join('');
  return `<!doctype html>
<html lang="${locale}">
<head>
<meta charset="utf-8">
<title>${escapeHtml(w.title)}: ${escapeHtml(pipeline.name)}</title>
<style>
  @page { size: A4 landscape; margin: 10mm; }
  body { font: 10px/1.35 system-ui, sans-serif; color: #111; margin: 16px; }
  h1 { font-size: 16px; margin: 0 0 8px; }
  table { border-collapse: collapse; width: 100%; table-layout: fixed; }
  th, td { border: 1px solid #999; padding: 4px 5px; vertical-align: top; text-align: left; overflow-wrap: anywhere; }
  th { background: #eee; }
  tr { break-inside: avoid; }
</style>
</head>
<body>
<h1>${escapeHtml(w.title)}: ${escapeHtml(pipeline.name)}</h1>
<table>
<thead><tr>${head}</tr></thead>
<tbody>
${pipeline.stages.map((stage) => row(stage, locale)).join('\n')}
</tbody>
</table>
</body>
</html>`;
}
