import type { PersonStatus } from '@qinlian/contracts';

/** antd tag colours of 在岗 / 外出 / 离职. */
export const PERSON_STATUS_COLOR: Record<PersonStatus, string> = { active: 'success', away: 'warning', left: 'default' };
