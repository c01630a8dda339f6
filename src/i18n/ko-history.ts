/**
 * 한국어: 모델의 역사 카드(모델 id별)와 타임라인의 시대(연도와 인물별). 영어 원문은 각 플러그인의
 * meta와 session/eras.ts에 있습니다. 인명은 강의 자료처럼 로마자로 둡니다.
 */
import type { CardText, EraText } from './catalogue.js';

export const KO_CARDS: Readonly<Record<string, CardText>> = {
  adaline: {
    name: '아달라인 (Widrow-Hoff LMS)',
    summary: '델타 규칙: 선형 출력의 제곱 오차를 따라 내려갑니다, w ← w + η(t − w·x)x.',
    cannot: '여전히 선형 유닛 하나입니다: XOR에 최소제곱을 쓰면 틀리고, 2/λmax(XᵀX)보다 큰 배치 갱신은 발산합니다.',
  },
  // issue 22: the recurrent era
  'elman-rnn': {
    name: '엘만 단순 순환 신경망 (BPTT)',
    summary: '은닉층이 자기 이전 상태를 다시 읽는 망을 시간 펼침 역전파(BPTT)로 학습합니다.',
    cannot: '긴 시간 간격을 잇지 못합니다: 오차 신호가 한 걸음 거슬러 갈 때마다 ‖W_hh‖·f′배로 줄어듭니다(Hochreiter 1991; Bengio, Simard & Frasconi 1994).',
  },
  hebbian: {
    name: '헤브 학습',
    summary: '양 끝이 함께 활성화되면 연결이 강해집니다: Δw = η·x·y — 가중치를 바꾸어 배우는 학습.',
    cannot: '순수한 헤브 학습은 가중치가 끝없이 커지고, 헤브 망은 양극(±1) 부호화에서만 AND를 배웁니다.',
  },
  'lecun-1989': {
    name: 'LeCun의 합성곱 신경망',
    summary: '5×5 커널을 공유하며 간격 2로 훑는 합성곱을 역전파로 학습합니다: 연결 64,660개, 자유 파라미터 9,760개.',
    cannot: '구조를 16×16 숫자 이미지에 맞춰 손으로 설계했고, 레이블이 달린 예제가 많이 필요하며 느린 온라인 학습을 여러 번 거쳐야 합니다.',
  },
  logistic: {
    name: '로지스틱 회귀 유닛',
    summary: '시그모이드 출력을 확률로 읽고 교차 엔트로피로 학습합니다: w ← w + η Σ(y − p)x.',
    cannot: 'p = ½인 결정 경계는 여전히 직선입니다: XOR는 풀 수 없습니다.',
  },
  // issue 22: the recurrent era
  'lstm-1997': {
    name: '장단기 메모리 (LSTM, 1997)',
    summary: '가중치 1로 자기 자신에 연결된 메모리 셀(상수 오차 회전목마)을 입력 게이트와 출력 게이트가 지킵니다.',
    cannot: '셀을 비우지 못합니다(망각 게이트는 Gers 등 2000년에 나옵니다). 셀마다 가중치 묶음이 네 배로 듭니다.',
  },
  'mcculloch-pitts': {
    name: '맥컬러-피츠 뉴런',
    summary: '최초의 기계적 뉴런: 흥분성 입력과, 거부권을 가진 억제성 입력으로 이루어진 이진 임계 유닛.',
    cannot: '학습하지 못합니다: 가중치와 임계값을 모두 손으로 정합니다.',
  },
  'mlp-backprop': {
    name: '역전파로 학습하는 다층 퍼셉트론',
    summary: "시그모이드 은닉 유닛을 오차 역전파로 학습합니다: delta^k = σ'(z^k) ∘ (W^{k+1})ᵀ delta^{k+1}.",
    cannot: "시그모이드를 쌓으면 기울기가 소실되어(σ' ≤ ¼) 깊은 망은 거의 학습되지 않고, 지역 최솟값에 멈출 수도 있습니다.",
  },
  'mlp-dropout': {
    name: '드롭아웃을 쓰는 다층 퍼셉트론',
    summary: '학습 중에 유닛을 무작위로 끕니다(은닉 0.5, 입력 0.8만 유지). 특징들이 서로 기대지 못하니 과적합이 줄어듭니다.',
    cannot: '규제일 뿐 표현력을 늘리지는 않습니다: 작은 망과 아주 작은 데이터에서는 더 느리고 들쭉날쭉하게 배웁니다.',
  },
  'mlp-relu': {
    name: 'ReLU를 쓰는 다층 퍼셉트론',
    summary: 'ReLU 은닉 유닛 max(0, z): 활성일 때 미분이 1이라 층이 깊어져도 기울기가 소실되지 않습니다.',
    cannot: '모든 입력에서 z < 0으로 밀려난 유닛은 영영 학습을 멈춥니다(죽은 ReLU). 작은 데이터에는 여전히 과적합합니다.',
  },
  perceptron: {
    name: 'Rosenblatt의 퍼셉트론',
    summary: '가중합과 임계값, 그리고 오류로부터 배우는 가중치: w ← w + η(t − o)x.',
    cannot: '직선(선형) 결정 경계만 그을 수 있습니다: XOR는 결코 배우지 못하고, 그런 데이터에서는 가중치가 끝없이 순환합니다.',
  },
  'rbm-pretraining': {
    name: '심층 신뢰망 사전 학습 (RBM 쌓기 + 역전파)',
    summary: '층별 탐욕적 RBM 사전 학습(CD-1)이 깊은 시그모이드 망에, 역전파가 학습을 이어 갈 수 있는 초기 가중치를 줍니다.',
    cannot: '사전 학습에 학습 단계가 더 들고 입력이 [0, 1] 범위여야 합니다. 뒤에 나온 ReLU와 더 나은 초기화로 필요 없어졌습니다.',
  },
};

export const KO_ERAS: Readonly<Record<string, EraText>> = {
  '1943 McCulloch & Pitts': { brought: '최초의 기계적 뉴런: 논리를 계산하는 이진 임계 유닛', couldNot: '학습 — 가중치와 임계값을 손으로 정함' },
  '1949 Hebb': { brought: '가중치를 바꾸는 학습: 함께 발화하는 뉴런은 함께 연결된다', couldNot: '멈추기 — 순수한 헤브 학습은 가중치가 끝없이 커짐' },
  '1958 Rosenblatt': { brought: '퍼셉트론: 가중합과 임계값, 오류로부터 배우는 가중치', couldNot: '직선 말고 다른 경계 긋기' },
  '1960 Widrow & Hoff': { brought: '아달라인과 델타 규칙 w ← w + η(y − o)x: 오차가 이끄는 학습', couldNot: '선형 유닛 하나를 벗어나기 — η가 너무 크면 발산' },
  '1969 Minsky & Papert': { brought: '단층으로는 XOR를 계산할 수 없다는 증명', couldNot: '여러 층을 학습시키는 방법 — 첫 번째 겨울' },
  '1986 Rumelhart, Hinton & Williams': { brought: '역전파로 학습하는 은닉층: 다층 퍼셉트론이 XOR를 풂', couldNot: '깊은 망 — 층을 지날 때마다 기울기가 소실됨' },
  '1989 LeCun et al.': { brought: '역전파로 학습한 합성곱 신경망이 손글씨 우편번호를 읽음', couldNot: '당시의 데이터와 컴퓨터로 규모 키우기' },
  '1991–94 Hochreiter; Bengio, Simard & Frasconi': { brought: '진단: 깊은 망에서도, 시간을 거슬러서도 기울기가 소실된다', couldNot: '깊은 망 학습 — 데이터 부족, 과적합: 두 번째 겨울' },
  '1997 Hochreiter & Schmidhuber': { brought: 'LSTM: 상수 오차 회전목마를 가진 메모리 셀이 기울기를 시간 너머로 나른다', couldNot: '셀 비우기(망각 게이트는 2000년에 나옴); 셀마다 가중치 묶음이 네 배' },
  '2006 Hinton & Salakhutdinov': { brought: '층별 사전 학습으로 깊은 망에 좋은 초기 가중치를 줌', couldNot: '느린 두 단계 학습 피하기' },
  '2010–11 Nair & Hinton; Glorot, Bordes & Bengio': { brought: 'ReLU: 기울기가 그대로 통과해 학습이 빨라짐', couldNot: '한번 죽은 유닛(항상 0) 되살리기' },
  '2012 Hinton, Srivastava, Krizhevsky, Sutskever, Salakhutdinov': { brought: '드롭아웃: 학습 중 유닛을 무작위로 꺼서 공동 적응과 과적합을 줄임', couldNot: '빠른 학습 — 잡음이 수렴을 늦춤' },
  '2012 Krizhevsky, Sutskever & Hinton': {
    brought: 'AlexNet: ReLU + 드롭아웃 + GPU로 ImageNet 대회 우승',
    couldNot: '(딥러닝 시대의 시작)',
    standIn: '여기에는 ImageNet도 GPU도 없습니다: 같은 비법(ReLU, 드롭아웃, 이미지를 옮긴 복사본)을 손글씨 숫자에 씁니다',
  },
};
