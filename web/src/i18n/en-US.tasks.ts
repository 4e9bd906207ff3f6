import type { zhTasks } from './zh-CN.tasks.ts';

/** Supervision: plan, tasks, board, inbox (en-US; keys checked against zh-CN). */
export const enTasks: typeof zhTasks = {
  task: {
    listTitle: 'Tasks', listSubtitle: 'Supervised tasks', create: 'New task', editTitle: 'Edit task {{code}}', export: 'Export XLSX',
    createdDraft: 'Task created as a draft; check it, then assign it', searchPlaceholder: 'Code / title (2+ characters)', totalCapped: '{{total}}+ in all (the first {{total}} listed; add words or filters to narrow them)', notFound: 'This task does not exist or is not yours to see', backToList: 'Back to tasks',
    statuses: { draft: 'Draft', assigned: 'Assigned', accepted: 'Accepted', refused: 'Refused', in_progress: 'In progress', close_requested: 'Close-out requested', closed: 'Closed' },
    warnings: { none: 'On track', blue: 'Blue warning', yellow: 'Yellow warning', red: 'Red warning' },
    warningShort: { none: 'On track', blue: 'Blue', yellow: 'Yellow', red: 'Red' },
    actions: {
      assign: 'Assign', accept: 'Accept', refuse: 'Refuse', report: 'Report progress', request_close: 'Request close-out', close: 'Close out', return: 'Return',
      reopen: 'Reopen', urge: 'Urge', instruct: 'Instruct',
    },
    events: {
      create: 'Created', update: 'Edited', assign: 'Assigned', accept: 'Accepted', refuse: 'Refused', report: 'Progress report', request_close: 'Close-out requested',
      close: 'Closed out', return: 'Returned', reopen: 'Reopened', urge: 'Urged', instruct: 'Leader’s instruction', escalate: 'Escalated', grade: 'Graded', warning: 'Warning changed',
      milestone_done: 'Milestone done', milestone_reopen: 'Milestone undone',
    },
    commentLabels: {
      assign: 'Note', accept: 'Note', refuse: 'Reason for refusing', report: 'Progress notes', request_close: 'What was done', close: 'Close-out comment',
      return: 'Reason for returning', reopen: 'Reason for reopening', urge: 'Message', instruct: 'Instruction',
    },
    tabs: { mine: 'My tasks', dept: 'My department', overdue: 'Overdue', all: 'All', leader: 'By leader', programme: 'By programme' },
    sorts: { due: 'By deadline', warning: 'By warning', updated: 'Recently updated', code: 'By code' },
    fields: {
      code: 'Code', title: 'Title', statement: 'Task statement', deliverables: 'Deliverables', programme: 'Programme', measure: 'Measure',
      leadDepartment: 'Lead department', cooperating: 'Cooperating', post: 'Responsible post', handler: 'Handler', leader: 'Leader in charge',
      startDate: 'Start', dueDate: 'Deadline', dates: 'Dates', weight: 'Weight', tagged: 'Tag-and-fight', progress: 'Progress',
      schedule: 'Time elapsed', daysLeft: 'Working days left', milestones: 'Milestones', status: 'Status', warning: 'Warning', updatedAt: 'Updated', closedAt: 'Closed at',
    },
    sections: { responsibility: 'Responsibility', timetable: 'Timetable', history: 'History' },
    daysLeft: { left: '{{n}} working days left', today: 'Due today', overdue: '{{n}} working days overdue', closed: '—' },
    scheduleHint: 'Progress {{progress}}% · time elapsed {{schedule}}%',
    taggedOnly: 'Tagged only', untagged: 'Not tagged', byLeaderHint: 'Leader in charge:', byProgrammeHint: 'Programme:',
    leaderOf: '{{name}} ({{programme}})', leaderOfUnknown: 'Leader of {{programme}}',
    codeHint: 'Leave empty to number automatically', postHint: 'The handler follows the post: B acts while A is away', pickLeadFirst: 'Choose the lead department first', pickPerson: 'Search by name',
    weightHint: '1–100, weights the progress roll-up', taggedHint: 'Shown on the tag-and-fight board', workingDays: '{{count}} working days in all', datesOutOfOrder: 'The deadline is before the start',
    addMilestone: 'Add milestone', milestoneName: 'Milestone {{n}}', milestoneNameRequired: 'Name the milestone',
    milestoneDoneBy: 'done {{at}} by {{name}}', milestoneDoneLate: 'done late', milestoneLate: 'late', noMilestones: 'No milestones set',
    markMilestoneDone: 'Mark done', undoMilestone: 'Undo', undoMilestoneConfirm: 'Undo the completion of “{{name}}”?',
    milestoneMarked: '“{{name}}” marked done', milestoneUndone: '“{{name}}” is no longer marked done',
    noActions: 'Nothing for you to do here now', noStatement: 'No task statement yet', noEvents: 'Nothing recorded yet',
    actionDone: 'Done: {{action}}', commentRequired: 'Enter the {{field}}', allowedNow: 'Allowed now:',
    conflictRefreshed: 'Someone else changed this task; it has been reloaded. Check it and try again.',
    instructionsTitle: 'Leaders’ instructions ({{count}})',
    evidence: {
      label: 'Evidence', add: 'Upload files', hint: 'Documents, pictures, spreadsheets; several at once', closeHint: 'A close-out request needs evidence; the office reviews it before closing',
    },
    grade: {
      title: 'Five-character grade', saved: 'Grade saved', none: 'Not graded yet',
      chars: { zhun: '准', kuai: '快', shi: '实', nong: '浓', xian: '显' },
      meanings: { zhun: 'Understood', kuai: 'Fast', shi: 'Solid', nong: 'Publicised', xian: 'Visible effect' },
    },
  },
  plan: {
    title: 'Plan overview', subtitle: 'Six programmes · twenty measures', export: 'Export plan', noPlan: 'No campaign plan yet',
    overall: 'Overall progress (weighted)', taskTotal: 'Tasks', progressChart: 'Weighted progress by programme', warningChart: 'Warnings', tree: 'Programmes → measures',
    weightedProgress: 'Weighted progress', measureCount: '{{count}} measures', taskCount: '{{count}} tasks', weight: 'weight {{weight}}',
    name: 'Programme / measure', tasks: 'Tasks', colours: 'Warnings', viewTasks: 'Tasks',
  },
  board: {
    title: 'Tag-and-fight', subtitle: 'Every tagged item, struck off one by one: owner, deadline and working days left at a glance', wall: 'Wall view', exitWall: 'Leave wall view',
    wallTitle: 'Tag-and-fight · one item, one close-out', wallFoot: 'Refreshes every 60 s', updatedAt: 'updated {{time}}', total: '{{count}} tagged items',
    showing: 'Showing the {{shown}} most urgent of {{total}}', tagged: 'Tagged', owner: 'Owner', deadline: 'Due', leader: 'Leader',
  },
  inbox: {
    title: 'Inbox', subtitle: '{{count}} unread', all: 'All', unread: 'Unread', readAll: 'Mark all read', markRead: 'Mark read',
    allRead: '{{count}} messages marked read', empty: 'No messages', noUnread: 'No unread messages', bellUnread: '{{count}} unread messages',
    kinds: {
      assign: 'Assigned', refuse: 'Refused', request_close: 'Close-out requested', return: 'Returned', close: 'Closed out', reopen: 'Reopened',
      urge: 'Urged', instruct: 'Instruction', escalate: 'Escalated', warning_red: 'Red warning', warning_yellow: 'Yellow warning', warning_blue: 'Blue warning', warning_none: 'Warning cleared', other: 'Notice',
    },
  },
};
