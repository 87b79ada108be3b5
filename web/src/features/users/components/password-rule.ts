import { passwordProblem } from '@lz/shared/password-policy';

/** An antd validator over the shared password policy, so the form refuses exactly what the API would. */
export function checkPassword(value: string | undefined, username: string | undefined): Promise<void> {
  const problem = passwordProblem(value ?? '', username);
  return problem ? Promise.reject(new Error(problem)) : Promise.resolve();
}
