import { useEffect, useState } from 'react';
import { label } from '../labels.js';
import { devSignIn, type Session, sessionFromToken, webConfig, type WebConfig } from '../session.js';

/**
 * Sign-in. In development the gateway signs a token for the role, region and department chosen
 * (POST /app/dev-token); in production the token comes from the identity provider and is pasted
 * (or handed over by the portal that opens the page).
 */
export function SignIn({ onSignedIn, expired }: { onSignedIn: (s: Session) => void; expired: boolean }) {
  const [config, setConfig] = useState<WebConfig | null>(null);
  const [role, setRole] = useState('CASEWORKER');
  const [region, setRegion] = useState('420115000000');
  const [department, setDepartment] = useState('HEALTH_INSURANCE');
  const [subject, setSubject] = useState('');
  const [token, setToken] = useState('');
  const [error, setError] = useState<string | null>(null);
  useEffect(() => void webConfig().then(setConfig), []);

  const dev = async (e: React.FormEvent) => {
    e.preventDefault();
    const s = await devSignIn(role, region.trim(), role === 'DEPARTMENT_OFFICER' ? department : undefined, subject.trim());
    if (typeof s === 'string') setError(s);
    else onSignedIn(s);
  };
  const paste = (e: React.FormEvent) => {
    e.preventDefault();
    const s = sessionFromToken(token.trim());
    if (typeof s === 'string') setError(s);
    else onSignedIn(s);
  };

  return (
    <main className="sign-in" aria-labelledby="sign-in-title">
      <h1 id="sign-in-title">扶贫数据枢纽 · 登录</h1>
      {expired && (
        <p className="notice" role="alert" data-state="expired">
          会话已过期或令牌无效，请重新登录。
        </p>
      )}
      {config?.devSignIn && (
        <form onSubmit={dev} aria-label="开发环境登录">
          <p className="hint">开发环境：选择角色与辖区，由网关签发令牌。</p>
          <label>
            角色
            <select name="role" value={role} onChange={(e) => setRole(e.target.value)}>
              {config.roles.map((r) => (
                <option key={r} value={r} title={r}>
                  {label('Role', r)}（{r}）
                </option>
              ))}
            </select>
          </label>
          <label>
            辖区代码
            <input name="region" value={region} onChange={(e) => setRegion(e.target.value)} inputMode="numeric" />
          </label>
          {role === 'DEPARTMENT_OFFICER' && (
            <label>
              部门
              <select name="department" value={department} onChange={(e) => setDepartment(e.target.value)}>
                {config.departments.map((d) => (
                  <option key={d} value={d} title={d}>
                    {label('Department', d)}（{d}）
                  </option>
                ))}
              </select>
            </label>
          )}
          <label>
            用户名（可选）
            <input name="subject" value={subject} onChange={(e) => setSubject(e.target.value)} autoComplete="username" />
          </label>
          <button type="submit">登录</button>
        </form>
      )}
      <form onSubmit={paste} aria-label="使用令牌登录">
        <label>
          令牌（由统一身份认证签发）
          <textarea name="token" value={token} onChange={(e) => setToken(e.target.value)} rows={3} />
        </label>
        <button type="submit">使用令牌登录</button>
      </form>
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
    </main>
  );
}
