// 组织机构 — the org module's front door: departments, posts (A/B 岗) and people. Other modules,
// the seed and the CLI import org only from here.
export { departmentRoutes } from './departments.routes.ts';
export { peopleRoutes } from './people.routes.ts';
export { postRoutes } from './posts.routes.ts';
export {
  cachedDepartmentsBasics,
  departmentHeadPersonId,
  departmentsBasics,
  livePostsOf,
  membersOf,
  orgDirectoryVersion,
  peopleBasics,
  peopleNamed,
  postIdsActedBy,
  postsAndPeople,
  postsHeldBy,
  postsWithHolders,
  presentPeopleOf,
  rootDepartmentBasics,
  type DepartmentBasics,
  type DepartmentMember,
  type PersonBasics,
  type PostWithHolder,
} from './org.directory.ts';
export {
  createDepartment,
  departmentSubtreeIds,
  departmentsWithFullNames,
  getDepartmentName,
  usableDepartment,
} from './departments.service.ts';
export { createPerson, personBasics, personContacts, setPresence } from './people.service.ts';
export { createPost } from './posts.service.ts';
export { importPeople } from './people.import.ts';
export { providePeopleAccounts, type PeopleAccounts } from './people-accounts.port.ts';
export { photoSweepJob } from './photo-sweep.job.ts';
export { dutyHolders, personPhotoFile, type DutyHolder } from './people-badge.directory.ts';
