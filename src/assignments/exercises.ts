/**
 * The fill-in-the-blank exercises of the lecture's second assignment: each is a JavaScript module
 * with numbered blanks (`/* BLANK n: … *\/` above a `return undefined;`) and a comment on each
 * function's role, in English or Korean. The grader (grader.ts) checks each blank on its own; the
 * reference solutions live in the tests, never here.
 */
import type { Lang } from '../i18n/index.js';

export interface BlankSpec {
  readonly n: number;
  /** The exported function the student writes. */
  readonly fn: string;
  readonly params: string;
  /** What the function is for, and what to write in the blank (by language). */
  readonly role: Readonly<Record<Lang, string>>;
  readonly blank: Readonly<Record<Lang, string>>;
}

/** A function the file gives (not graded), with its comment. */
interface Given {
  readonly role: Readonly<Record<Lang, string>>;
  readonly code: string;
}

export interface ExerciseSpec {
  readonly name: string;
  readonly title: Readonly<Record<Lang, string>>;
  readonly intro: Readonly<Record<Lang, readonly string[]>>;
  readonly given: readonly Given[];
  readonly blanks: readonly BlankSpec[];
}

const SIGMOID: Given = {
  role: { en: 'σ(z) = 1 / (1 + e^−z) on each entry of a vector (given).', ko: '벡터의 각 성분에 σ(z) = 1 / (1 + e^−z) (주어짐).' },
  code: 'export function sigmoid(z) {\n  return z.map((v) => 1 / (1 + Math.exp(-v)));\n}',
};

export const EXERCISES: readonly ExerciseSpec[] = [
  {
    name: 'backprop',
    title: { en: 'back-propagation through a 2-layer sigmoid net (the lecture\'s matrix form)', ko: '2층 시그모이드 신경망의 역전파 (강의의 행렬 형태)' },
    intro: {
      en: [
        'The net: z¹ = W¹x + b¹, a = σ(z¹), z² = W²a + b², o = σ(z²), loss J = ½ Σ (o − t)².',
        'W1 is h × d (h hidden units, d inputs), b1 has h entries; W2 is c × h, b2 has c entries.',
        'grade checks each blank with the right inputs, then trains a 2-2-1 net on XOR with your functions.',
      ],
      ko: [
        '신경망: z¹ = W¹x + b¹, a = σ(z¹), z² = W²a + b², o = σ(z²), 손실 J = ½ Σ (o − t)².',
        'W1은 h × d (은닉 유닛 h개, 입력 d개), b1은 성분 h개; W2는 c × h, b2는 성분 c개.',
        'grade는 빈칸마다 올바른 입력으로 따로 검사한 뒤, 여러분의 함수로 2-2-1 신경망을 XOR에 학습시킵니다.',
      ],
    },
    given: [SIGMOID],
    blanks: [
      {
        n: 1, fn: 'forward', params: 'W1, b1, W2, b2, x',
        role: { en: 'The forward pass: what the net computes for one input x; backward needs every intermediate. Returns { z1, a, z2, o }.', ko: '순전파: 입력 x 하나에 대해 신경망이 계산하는 것; 역전파에 중간값이 모두 필요합니다. { z1, a, z2, o }를 돌려줍니다.' },
        blank: { en: 'z1 = W1 x + b1, a = σ(z1), z2 = W2 a + b2, o = σ(z2); return { z1, a, z2, o }', ko: 'z1 = W1 x + b1, a = σ(z1), z2 = W2 a + b2, o = σ(z2); { z1, a, z2, o }를 돌려줌' },
      },
      {
        n: 2, fn: 'outputDelta', params: 'o, t',
        role: { en: 'The output error term δ² = ∂J/∂z²: how the loss changes with the output unit\'s net input.', ko: '출력층 오차항 δ² = ∂J/∂z²: 출력 유닛의 순입력에 따라 손실이 어떻게 변하는지.' },
        blank: { en: 'δ² = (o − t) ∘ σ′(z²), where σ′(z²) = o(1 − o); return the vector δ²', ko: 'δ² = (o − t) ∘ σ′(z²), 여기서 σ′(z²) = o(1 − o); 벡터 δ²를 돌려줌' },
      },
      {
        n: 3, fn: 'hiddenDelta', params: 'W2, delta2, a',
        role: { en: 'The hidden error term δ¹ = ∂J/∂z¹: the output error sent back through W², scaled by each hidden unit\'s slope.', ko: '은닉층 오차항 δ¹ = ∂J/∂z¹: 출력 오차를 W²를 거쳐 되돌리고, 은닉 유닛마다 기울기를 곱합니다.' },
        blank: { en: 'δ¹ = f′(z¹) ∘ (W²ᵀ δ²), where f′(z¹) = a(1 − a); return the vector δ¹', ko: 'δ¹ = f′(z¹) ∘ (W²ᵀ δ²), 여기서 f′(z¹) = a(1 − a); 벡터 δ¹을 돌려줌' },
      },
      {
        n: 4, fn: 'gradients', params: 'delta2, a, delta1, x',
        role: { en: 'The gradient of J with respect to every weight and bias, from the error terms and the inputs of each layer.', ko: '오차항과 각 층의 입력으로 모든 가중치와 편향에 대한 J의 기울기를 구합니다.' },
        blank: { en: '∂J/∂W² = δ² aᵀ, ∂J/∂b² = δ², ∂J/∂W¹ = δ¹ xᵀ, ∂J/∂b¹ = δ¹; return { dW1, db1, dW2, db2 }', ko: '∂J/∂W² = δ² aᵀ, ∂J/∂b² = δ², ∂J/∂W¹ = δ¹ xᵀ, ∂J/∂b¹ = δ¹; { dW1, db1, dW2, db2 }를 돌려줌' },
      },
      {
        n: 5, fn: 'update', params: 'W, dW, eta',
        role: { en: 'One gradient-descent step on a matrix (a bias vector goes through as a one-row matrix [b]).', ko: '행렬 하나에 대한 경사 하강 한 걸음 (편향 벡터는 한 행짜리 행렬 [b]로 넘깁니다).' },
        blank: { en: 'W ← W − η dW, entry by entry; return the new matrix', ko: 'W ← W − η dW, 성분마다; 새 행렬을 돌려줌' },
      },
    ],
  },
  {
    name: 'perceptron',
    title: { en: "Rosenblatt's perceptron rule (the lecture's form)", ko: '로젠블랫의 퍼셉트론 규칙 (강의의 형태)' },
    intro: {
      en: ['x carries the bias input first: x = (x0 = 1, x1, x2, …), w = (w0, w1, w2, …); targets are −1 or +1.', 'grade checks each blank, then runs one epoch from the OR unit (−0.4, 0.6, 0.6) on AND with η = 0.05, as the lecture does.'],
      ko: ['x는 편향 입력을 맨 앞에 둡니다: x = (x0 = 1, x1, x2, …), w = (w0, w1, w2, …); 목표는 −1 또는 +1.', 'grade는 빈칸마다 검사한 뒤, 강의처럼 OR 유닛 (−0.4, 0.6, 0.6)에서 η = 0.05로 AND를 한 에폭 학습합니다.'],
    },
    given: [],
    blanks: [
      {
        n: 1, fn: 'netInput', params: 'w, x',
        role: { en: 'The net input: the weighted sum of the inputs, bias included.', ko: '순입력: 편향을 포함한 입력의 가중합.' },
        blank: { en: 'z = w·x = Σ_j w_j x_j; return the number z', ko: 'z = w·x = Σ_j w_j x_j; 숫자 z를 돌려줌' },
      },
      {
        n: 2, fn: 'activation', params: 'z',
        role: { en: 'The threshold unit φ: turns the net input into the output class.', ko: '임계 유닛 φ: 순입력을 출력 클래스로 바꿉니다.' },
        blank: { en: 'φ(z) = 1 if z ≥ 0, else −1', ko: 'z ≥ 0이면 φ(z) = 1, 아니면 −1' },
      },
      {
        n: 3, fn: 'update', params: 'w, x, t, o, eta',
        role: { en: 'The perceptron rule: moves w only when the output o is wrong.', ko: '퍼셉트론 규칙: 출력 o가 틀렸을 때만 w를 움직입니다.' },
        blank: { en: 'w_j ← w_j + η (t − o) x_j; return the new weight vector', ko: 'w_j ← w_j + η (t − o) x_j; 새 가중치 벡터를 돌려줌' },
      },
    ],
  },
  {
    name: 'delta',
    title: { en: 'the delta rule (Widrow-Hoff, Adaline), batch form', ko: '델타 규칙 (위드로-호프, 아달린), 배치 형태' },
    intro: {
      en: ['X is a list of rows x = (x0 = 1, x1, …), T their targets; the unit is linear: o = w·x.', 'grade checks each blank (the gradient also by finite differences), then makes the lecture\'s batch step from (−0.4, 0.6, 0.6) on AND with η = 0.05.'],
      ko: ['X는 행 x = (x0 = 1, x1, …)의 목록, T는 그 목표; 유닛은 선형입니다: o = w·x.', 'grade는 빈칸마다 검사하고 (기울기는 유한 차분으로도), 강의처럼 (−0.4, 0.6, 0.6)에서 η = 0.05로 AND의 배치 갱신을 한 번 합니다.'],
    },
    given: [],
    blanks: [
      {
        n: 1, fn: 'output', params: 'w, x',
        role: { en: 'The linear unit: its output is its net input.', ko: '선형 유닛: 출력이 곧 순입력입니다.' },
        blank: { en: 'o = w·x; return the number o', ko: 'o = w·x; 숫자 o를 돌려줌' },
      },
      {
        n: 2, fn: 'loss', params: 'w, X, T',
        role: { en: 'The cost the rule descends: half the sum of squared errors over the batch.', ko: '규칙이 내려가는 비용: 배치 전체의 오차 제곱합의 절반.' },
        blank: { en: 'J(w) = ½ Σ_i (t_i − w·x_i)²; return the number J', ko: 'J(w) = ½ Σ_i (t_i − w·x_i)²; 숫자 J를 돌려줌' },
      },
      {
        n: 3, fn: 'gradient', params: 'w, X, T',
        role: { en: 'The gradient of J: which way, and how steeply, the cost rises in each weight.', ko: 'J의 기울기: 가중치마다 비용이 어느 쪽으로 얼마나 가파르게 오르는지.' },
        blank: { en: '∂J/∂w_j = −Σ_i (t_i − w·x_i) x_ij; return the vector', ko: '∂J/∂w_j = −Σ_i (t_i − w·x_i) x_ij; 벡터를 돌려줌' },
      },
      {
        n: 4, fn: 'update', params: 'w, grad, eta',
        role: { en: 'One step down the gradient.', ko: '기울기를 따라 한 걸음 내려갑니다.' },
        blank: { en: 'w ← w − η ∂J/∂w; return the new weight vector', ko: 'w ← w − η ∂J/∂w; 새 가중치 벡터를 돌려줌' },
      },
    ],
  },
  {
    name: 'softmax',
    title: { en: 'softmax and cross-entropy (forward and backward)', ko: '소프트맥스와 교차 엔트로피 (순전파와 역전파)' },
    intro: {
      en: ['z are the output net inputs (one per class), t a one-hot target.', 'grade checks each blank (the gradient also by finite differences), then trains a linear softmax classifier on three clouds of points with your functions.'],
      ko: ['z는 출력의 순입력 (클래스마다 하나), t는 원-핫 목표입니다.', 'grade는 빈칸마다 검사하고 (기울기는 유한 차분으로도), 여러분의 함수로 점 구름 세 개에 선형 소프트맥스 분류기를 학습시킵니다.'],
    },
    given: [],
    blanks: [
      {
        n: 1, fn: 'softmax', params: 'z',
        role: { en: 'Softmax: turns scores into probabilities that sum to 1 (subtract max z first: e^z overflows otherwise).', ko: '소프트맥스: 점수를 합이 1인 확률로 바꿉니다 (먼저 max z를 빼세요: 아니면 e^z가 넘칩니다).' },
        blank: { en: 'p_i = e^{z_i} / Σ_k e^{z_k}; return the vector p', ko: 'p_i = e^{z_i} / Σ_k e^{z_k}; 벡터 p를 돌려줌' },
      },
      {
        n: 2, fn: 'crossEntropy', params: 'p, t',
        role: { en: 'The cross-entropy loss: how surprised the model is by the right class.', ko: '교차 엔트로피 손실: 정답 클래스에 모델이 얼마나 놀라는지.' },
        blank: { en: 'J = −Σ_i t_i log p_i; return the number J', ko: 'J = −Σ_i t_i log p_i; 숫자 J를 돌려줌' },
      },
      {
        n: 3, fn: 'gradient', params: 'z, t',
        role: { en: 'The backward pass of softmax + cross-entropy together: the error term of the output layer.', ko: '소프트맥스 + 교차 엔트로피를 함께 역전파: 출력층의 오차항.' },
        blank: { en: '∂J/∂z = p − t with p = softmax(z); return the vector', ko: 'p = softmax(z)일 때 ∂J/∂z = p − t; 벡터를 돌려줌' },
      },
    ],
  },
  {
    name: 'relu-dropout',
    title: { en: 'ReLU and dropout (forward and backward)', ko: 'ReLU와 드롭아웃 (순전파와 역전파)' },
    intro: {
      en: ['Backward functions take the upstream gradient g = ∂J/∂(output) and return ∂J/∂(input).', 'Dropout is inverted dropout: a kept unit is scaled by 1/keep, so nothing changes at test time. The random draws u (uniform in [0, 1)) are given, so results are reproducible.', 'grade checks each blank, then trains a 2-8-1 net with your ReLU hidden units on XOR.'],
      ko: ['역전파 함수는 위에서 온 기울기 g = ∂J/∂(출력)을 받아 ∂J/∂(입력)을 돌려줍니다.', '드롭아웃은 역 드롭아웃입니다: 남긴 유닛에 1/keep을 곱해 테스트 때는 아무것도 바꾸지 않습니다. 난수 u ([0, 1)에서 균등)는 주어지므로 결과가 재현됩니다.', 'grade는 빈칸마다 검사한 뒤, 여러분의 ReLU 은닉 유닛으로 2-8-1 신경망을 XOR에 학습시킵니다.'],
    },
    given: [],
    blanks: [
      {
        n: 1, fn: 'relu', params: 'z',
        role: { en: 'ReLU forward: passes positive inputs, blocks negative ones (its slope never shrinks the gradient).', ko: 'ReLU 순전파: 양수는 통과, 음수는 막습니다 (기울기를 줄이지 않습니다).' },
        blank: { en: 'f(z) = max(0, z) on each entry; return the vector', ko: '각 성분에 f(z) = max(0, z); 벡터를 돌려줌' },
      },
      {
        n: 2, fn: 'reluBackward', params: 'z, g',
        role: { en: 'ReLU backward: the gradient flows only through units that were active.', ko: 'ReLU 역전파: 켜져 있던 유닛으로만 기울기가 흐릅니다.' },
        blank: { en: 'g ∘ f′(z) with f′(z) = 1 for z ≥ 0 (the lecture\'s convention), else 0; return the vector', ko: 'g ∘ f′(z), z ≥ 0이면 f′(z) = 1 (강의의 약속), 아니면 0; 벡터를 돌려줌' },
      },
      {
        n: 3, fn: 'dropoutForward', params: 'a, keep, u',
        role: { en: 'Dropout forward (training): drops each unit with probability 1 − keep, so units cannot co-adapt.', ko: '드롭아웃 순전파 (학습 때): 유닛마다 1 − keep 확률로 끄므로 유닛끼리 공모하지 못합니다.' },
        blank: { en: 'm_i = 1/keep if u_i < keep else 0; out = a ∘ m; return { out, m }', ko: 'u_i < keep이면 m_i = 1/keep, 아니면 0; out = a ∘ m; { out, m }을 돌려줌' },
      },
      {
        n: 4, fn: 'dropoutBackward', params: 'g, m',
        role: { en: 'Dropout backward: a dropped unit passes no gradient, a kept one passes it scaled like its output.', ko: '드롭아웃 역전파: 끈 유닛은 기울기를 전하지 않고, 남긴 유닛은 출력처럼 배율을 곱해 전합니다.' },
        blank: { en: 'g ∘ m; return the vector', ko: 'g ∘ m; 벡터를 돌려줌' },
      },
    ],
  },
];

export const EXERCISE_NAMES: readonly string[] = EXERCISES.map((e) => e.name).sort();

export const exerciseOf = (name: string): ExerciseSpec | undefined => EXERCISES.find((e) => e.name === name);

const HEAD: Readonly<Record<Lang, (name: string) => readonly string[]>> = {
  en: (name) => [
    `Fill in each BLANK (replace the \`return undefined;\` below it), then check your work:`,
    `  neural-eras grade ${name}.js`,
    'Each blank is graded on its own with the right inputs: a mistake in one does not fail the others.',
    'Vectors are arrays of numbers, matrices arrays of rows (W[j][i]: row j, column i). Use no imports.',
  ],
  ko: (name) => [
    `빈칸(BLANK)을 모두 채우고 (그 아래의 \`return undefined;\`를 바꾸세요), 다음으로 확인합니다:`,
    `  neural-eras grade ${name}.js`,
    '빈칸은 올바른 입력으로 하나씩 따로 채점합니다: 한 빈칸의 실수가 다른 빈칸을 떨어뜨리지 않습니다.',
    '벡터는 숫자 배열, 행렬은 행의 배열입니다 (W[j][i]: j행 i열). import는 쓰지 마세요.',
  ],
};

/** The exercise file's text, its comments in `lang`. */
export function exerciseText(spec: ExerciseSpec, lang: Lang): string {
  const c = (lines: readonly string[]): string => lines.map((l) => `// ${l}`.trimEnd()).join('\n');
  const doc = (text: string): string => `/**\n * ${text}\n */`;
  const parts = [
    c([`neural-eras exercise "${spec.name}": ${spec.title[lang]}`, '', ...spec.intro[lang], '', ...HEAD[lang](spec.name)]),
    `export const exercise = '${spec.name}';`,
    ...spec.given.map((g) => `${doc(g.role[lang])}\n${g.code}`),
    ...spec.blanks.map((b) => `${doc(b.role[lang])}\nexport function ${b.fn}(${b.params}) {\n  /* BLANK ${b.n}: ${b.blank[lang]} */\n  return undefined;\n}`),
  ];
  return `${parts.join('\n\n')}\n`;
}
